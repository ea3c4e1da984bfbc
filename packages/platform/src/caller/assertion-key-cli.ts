import { randomBytes } from 'node:crypto';

import { serviceNameSchema } from '@tic/contracts';

import { signingKeyFromSeed } from './assertion-keys';

// `npm run -s assertion-key -w @tic/platform -- <issuer>`: a new Ed25519 key pair for caller assertions,
// the seed for the issuer's CALLER_ASSERTION_SIGNING_KEY and the entry its callees add to their
// CALLER_ASSERTION_TRUSTED_KEYS.
const issuer = serviceNameSchema.safeParse(process.argv[2] ?? 'gateway');
if (!issuer.success) {
  process.stderr.write(`usage: assertion-key <${serviceNameSchema.options.join('|')}>\n`);
  process.exit(2);
}
const seed = randomBytes(32);
const key = signingKeyFromSeed(issuer.data, seed);
process.stdout.write(
  `CALLER_ASSERTION_SIGNING_KEY=${seed.toString('base64url')}\n# for the callees' CALLER_ASSERTION_TRUSTED_KEYS:\n${key.trustedEntry}\n`,
);
