import { createHash } from 'node:crypto';

import { canonicalRowEncoding, type ChainedRowFields } from './canonical-encoding';

/** What the first row of a chain links to: 32 zero bytes, hex. */
export const GENESIS_HASH = '0'.repeat(64);

/** SM3 (GB/T 32905, the national standard hash) of the previous hash ‖ the row's canonical encoding, hex. */
export function chainHash(previousHash: string, row: ChainedRowFields): string {
  return createHash('sm3')
    .update(Buffer.from(previousHash, 'hex'))
    .update(canonicalRowEncoding(row), 'utf8')
    .digest('hex');
}
