import { randomBytes } from 'node:crypto';

import bcrypt from 'bcryptjs';

/** nats-server's own `nats server passwd` uses cost 11; the server checks the hash once per connection. */
const BCRYPT_COST = 11;

/** A new password for an agency's NATS user: 192 random bits, URL-safe so it survives any config or shell. */
export function newAgencyPassword(): string {
  return randomBytes(24).toString('base64url');
}

/** The bcrypt hash that goes into users.conf (nats-server accepts `$2a$`/`$2b$` hashes as passwords). */
export function hashAgencyPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}
