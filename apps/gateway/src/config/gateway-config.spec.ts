import { ConfigError, parseConfig } from '@tic/platform';

import { gatewayConfigSchema } from './gateway-config';

describe('gateway configuration', () => {
  it('has working defaults for development', () => {
    const config = parseConfig(gatewayConfigSchema, {});
    expect(config).toMatchObject({
      PORT: 3000,
      NODE_ENV: 'development',
      SERVICES: ['applications', 'personnel'],
      RATE_LIMIT: 600,
      RATE_LIMIT_PUBLIC_OBJECTIONS: 60,
      IDEMPOTENCY_TTL_SECONDS: 86_400,
    });
  });

  it('reads SERVICES as a comma list of known services', () => {
    expect(parseConfig(gatewayConfigSchema, { SERVICES: 'applications, funding' }).SERVICES).toEqual([
      'applications',
      'funding',
    ]);
    expect(() => parseConfig(gatewayConfigSchema, { SERVICES: 'applications,billing' })).toThrow(ConfigError);
  });

  it('never falls back to development keys in production', () => {
    expect(() => parseConfig(gatewayConfigSchema, { NODE_ENV: 'production' })).toThrow(/JWKS_URL/);
    expect(() =>
      parseConfig(gatewayConfigSchema, { NODE_ENV: 'production', JWKS_URL: 'https://idp.example.org/jwks.json' }),
    ).toThrow(/IDEMPOTENCY_FINGERPRINT_KEY/);
    const production = {
      NODE_ENV: 'production',
      JWKS_URL: 'https://idp.example.org/jwks.json',
      IDEMPOTENCY_FINGERPRINT_KEY: Buffer.alloc(32, 9).toString('base64'),
    };
    expect(parseConfig(gatewayConfigSchema, production).JWKS_URL).toBeDefined();
    expect(() =>
      parseConfig(gatewayConfigSchema, {
        ...production,
        IDEMPOTENCY_FINGERPRINT_KEY: Buffer.alloc(16).toString('base64'),
      }),
    ).toThrow(/at least 32 bytes/);
  });
});
