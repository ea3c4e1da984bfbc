import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { developmentSigningKey, signingKeyFromSeed } from '@tic/platform';

// What production needs for NATS and caller assertions (README): an operator's password and keys.
const PRODUCTION_TRUST = {
  NATS_PASSWORD: 'an-operator-nats-password',
  CALLER_ASSERTION_SIGNING_KEY: randomBytes(32).toString('base64url'),
  CALLER_ASSERTION_TRUSTED_KEYS: signingKeyFromSeed('gateway', randomBytes(32)).trustedEntry,
};

describe('the applications service in production', () => {
  it.each([
    ['with NODE_ENV=production', { NODE_ENV: 'production' }],
    ['with nothing set (production is the default)', {}],
  ])('refuses to start without its own IDEMPOTENCY_FINGERPRINT_KEY %s, saying which setting', (_label, env) => {
    // The built service as a deployment runs it; nothing listens on these addresses, and nothing is reached.
    const started = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'main.js')], {
      env: { PATH: process.env.PATH, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', ...PRODUCTION_TRUST, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr.trim()).toBe(
      'invalid configuration: IDEMPOTENCY_FINGERPRINT_KEY: must be set in production (the development key is public; TIC_DEV=1 asks for development)',
    );
  });

  it('refuses to start without a NATS password and caller assertion keys of its own, naming each', () => {
    const started = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'main.js')], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        IDEMPOTENCY_FINGERPRINT_KEY: randomBytes(32).toString('base64'),
        // The gateway's development key, whose derivation is public.
        CALLER_ASSERTION_TRUSTED_KEYS: developmentSigningKey('gateway').trustedEntry,
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toMatch(/NATS_PASSWORD: must be set in production/);
    expect(started.stderr).toMatch(/CALLER_ASSERTION_SIGNING_KEY: must be set in production/);
    expect(started.stderr).toMatch(/CALLER_ASSERTION_TRUSTED_KEYS: must not trust a development key in production/);
  });
});
