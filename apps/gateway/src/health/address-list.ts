import { BlockList, isIP } from 'node:net';

/** Whether an address is in a list of addresses and CIDR ranges (as TRUST_PROXY and HEALTH_DETAILS_FROM take). */
export function addressMatcher(entries: readonly string[] | false): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries || []) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
    } else if (isIP(address) === 0) continue;
    else if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d.
    const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
    const type = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
    return isIP(plain) !== 0 && list.check(plain, type);
  };
}
