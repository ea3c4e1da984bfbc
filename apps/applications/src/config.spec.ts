import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

describe('the applications service in production', () => {
  it('refuses to start without its own IDEMPOTENCY_FINGERPRINT_KEY, saying which setting', () => {
    // The built service as a deployment runs it; nothing listens on these addresses, and nothing is reached.
    const started = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'main.js')], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr.trim()).toBe(
      'invalid configuration: IDEMPOTENCY_FINGERPRINT_KEY: must be set in production (the development key is public)',
    );
  });
});
