import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { signingKeyFromSeed } from '@tic/platform';

// What production needs for NATS and caller assertions (README): an operator's password and keys.
const PRODUCTION_TRUST = {
  NATS_PASSWORD: 'an-operator-nats-password',
  CALLER_ASSERTION_SIGNING_KEY: randomBytes(32).toString('base64url'),
  CALLER_ASSERTION_TRUSTED_KEYS: signingKeyFromSeed('gateway', randomBytes(32)).trustedEntry,
};

// The built service as a deployment runs it; nothing listens on this address, and nothing is reached.
function start(env: Record<string, string>): { status: number | null; stderr: string } {
  const started = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'main.js')], {
    env: { PATH: process.env.PATH, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', ...PRODUCTION_TRUST, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: started.status, stderr: started.stderr.trim() };
}

const productionKeys = () => ({
  PERSONNEL_ID_ENCRYPTION_KEYS: `prod-1:${randomBytes(32).toString('base64')}`,
  PERSONNEL_ID_HMAC_KEY: randomBytes(32).toString('base64'),
  IDEMPOTENCY_FINGERPRINT_KEY: randomBytes(32).toString('base64'),
});
const DEVELOPMENT_KEY = 'ZGV2ZWxvcG1lbnQtb25seS1lbmNyeXB0aW9uLWtleSE=';

describe('the personnel service in production', () => {
  it('refuses to start without its own IDEMPOTENCY_FINGERPRINT_KEY, saying which setting', () => {
    const { IDEMPOTENCY_FINGERPRINT_KEY: _unset, ...keys } = productionKeys();
    expect(start({ NODE_ENV: 'production', ...keys })).toEqual({
      status: 1,
      stderr:
        'invalid configuration: IDEMPOTENCY_FINGERPRINT_KEY: must be set in production (the development key is public; TIC_DEV=1 asks for development)',
    });
  });

  it('runs as in production when nothing says otherwise: without NODE_ENV the development keys are refused', () => {
    const { status, stderr } = start({});
    expect(status).toBe(1);
    for (const setting of ['PERSONNEL_ID_ENCRYPTION_KEYS', 'PERSONNEL_ID_HMAC_KEY', 'IDEMPOTENCY_FINGERPRINT_KEY'])
      expect(stderr).toContain(`${setting}: must be set in production`);
  });

  it('refuses the development ID-encryption key by its bytes, under another id or as an older key', () => {
    for (const ring of [
      `prod-1:${DEVELOPMENT_KEY}`,
      `prod-2:${randomBytes(32).toString('base64')},old:${DEVELOPMENT_KEY}`,
    ]) {
      const { status, stderr } = start({ ...productionKeys(), PERSONNEL_ID_ENCRYPTION_KEYS: ring });
      expect(status).toBe(1);
      expect(stderr).toBe(
        'invalid configuration: PERSONNEL_ID_ENCRYPTION_KEYS: must be set in production (the development key is public)',
      );
    }
  });
});
