import { z } from 'zod';

import { ConfigError, parseConfig, serviceConfigSchema } from './config';

const schema = serviceConfigSchema({ HTTP_PORT: z.coerce.number().int().default(3199) });
const productionKey = 'a-production-secret-of-the-operator';

describe('a service configuration', () => {
  it('runs in development and tests without an idempotency fingerprint key', () => {
    expect(parseConfig(schema, {}).IDEMPOTENCY_FINGERPRINT_KEY).toEqual(expect.any(String));
    expect(parseConfig(schema, { NODE_ENV: 'test' }).NODE_ENV).toBe('test');
  });

  it('refuses production without IDEMPOTENCY_FINGERPRINT_KEY, naming it', () => {
    expect(() => parseConfig(schema, { NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => parseConfig(schema, { NODE_ENV: 'production' })).toThrow(
      'invalid configuration: IDEMPOTENCY_FINGERPRINT_KEY: must be set in production (the development key is public)',
    );
  });

  it('refuses production given the development key explicitly', () => {
    const development = parseConfig(schema, {}).IDEMPOTENCY_FINGERPRINT_KEY;
    expect(() => parseConfig(schema, { NODE_ENV: 'production', IDEMPOTENCY_FINGERPRINT_KEY: development })).toThrow(
      /IDEMPOTENCY_FINGERPRINT_KEY/,
    );
  });

  it('starts production with a key of its own', () => {
    const config = parseConfig(schema, { NODE_ENV: 'production', IDEMPOTENCY_FINGERPRINT_KEY: productionKey });
    expect(config).toMatchObject({
      NODE_ENV: 'production',
      IDEMPOTENCY_FINGERPRINT_KEY: productionKey,
      HTTP_PORT: 3199,
    });
  });
});
