import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Addresses no agency's receiver may be on in production: loopback, private, link-local, metadata. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

export interface ReceiverPolicy {
  readonly allowHttp: boolean;
  readonly allowPrivateHosts: boolean;
}

/** Why a receiver URL is refused before anything is sent to it, or null when it may be used. */
export function urlProblem(url: string, policy: ReceiverPolicy): string | null {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && !(policy.allowHttp && parsed.protocol === 'http:')) return 'must be an https URL';
  if (parsed.username !== '' || parsed.password !== '') return 'must not carry a user name or password';
  if (policy.allowPrivateHosts) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && isPrivateAddress(host)))
    return 'must be a public host (loopback and private addresses are refused)';
  return null;
}

/**
 * Checks where the host resolves now, just before a delivery: a name registered as public may later
 * point inside the network (DNS rebinding), and the platform must not POST there on an agency's behalf.
 */
export async function resolvesPrivately(url: string, policy: ReceiverPolicy): Promise<boolean> {
  if (policy.allowPrivateHosts) return false;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) !== 0 ? [{ address: host }] : await lookup(host, { all: true });
  return addresses.some(({ address }) => isPrivateAddress(address));
}

function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return PRIVATE.check(mapped[1], 'ipv4');
  return PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}
