import { notificationsConfigSchema } from './config';

const pathsRefused = (env: Record<string, string>) => {
  const result = notificationsConfigSchema.safeParse(env);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('webhook settings', () => {
  it('refuse in production a give-up window under CONTRACT.md’s 24 hours, http and private receivers', () => {
    const refused = pathsRefused({
      WEBHOOK_GIVE_UP_AFTER_MS: '3600000',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE_HOSTS: 'true',
    });
    expect(refused).toEqual(
      expect.arrayContaining(['WEBHOOK_GIVE_UP_AFTER_MS', 'WEBHOOK_ALLOW_HTTP', 'WEBHOOK_ALLOW_PRIVATE_HOSTS']),
    );
  });

  it('allow them in development, and default to a day of retries', () => {
    const env = { TIC_DEV: '1', WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_GIVE_UP_AFTER_MS: '3000' };
    expect(pathsRefused(env)).toEqual([]);
    expect(notificationsConfigSchema.parse({ TIC_DEV: '1' }).WEBHOOK_GIVE_UP_AFTER_MS).toBe(86_400_000);
  });
});
