import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

describe('the personnel service in production', () => {
  it('refuses to start without its own IDEMPOTENCY_FINGERPRINT_KEY, saying which setting', () => {
    // The built service as a deployment runs it, with production keys for resident ID numbers.
    const started = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'main.js')], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        PERSONNEL_ID_ENCRYPTION_KEYS: `prod-1:${randomBytes(32).toString('base64')}`,
        PERSONNEL_ID_HMAC_KEY: randomBytes(32).toString('base64'),
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr.trim()).toBe(
      'invalid configuration: IDEMPOTENCY_FINGERPRINT_KEY: must be set in production (the development key is public)',
    );
  });
});
