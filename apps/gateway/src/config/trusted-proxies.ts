import { isIP } from 'node:net';

import type { z } from 'zod';

// proxy-addr's (and so Fastify's trustProxy) names for ranges, besides addresses and CIDR ranges.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * A comma list of addresses, CIDR ranges (`10.0.0.0/8`) or proxy-addr's named ranges, as Fastify's
 * trustProxy takes it; an empty list is `false` (believe no X-Forwarded-For). `true`, which would
 * believe any client's X-Forwarded-For, is refused.
 */
export function trustedProxies(value: string, ctx: z.RefinementCtx): string[] | false {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0 && entry.toLowerCase() !== 'false');
  for (const entry of entries) {
    if (NAMED_RANGES.has(entry) || isAddressOrRange(entry)) continue;
    ctx.addIssue({
      code: 'custom',
      message: `"${entry.slice(0, 60)}" is not an address or CIDR range; list the proxies (true would trust every client)`,
    });
  }
  return entries.length === 0 ? false : entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
  return bits >= 0 && bits <= (family === 4 ? 32 : 128);
}
