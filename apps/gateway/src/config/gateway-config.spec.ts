import { ConfigError, parseConfig } from '@tic/platform';

import { gatewayConfigSchema } from './gateway-config';

const PRODUCTION = {
  JWKS_URL: 'https://idp.example.org/jwks.json',
  JWT_ISSUER: 'https://idp.example.org',
  JWT_AUDIENCE: 'tic-platform',
  IDEMPOTENCY_FINGERPRINT_KEY: Buffer.alloc(32, 9).toString('base64'),
  NATS_PASSWORD: 'an-operator-nats-password',
  CALLER_ASSERTION_SIGNING_KEY: Buffer.alloc(32, 7).toString('base64url'),
};

const problems = (env: Record<string, string>): string => {
  try {
    parseConfig(gatewayConfigSchema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
};

describe('gateway configuration', () => {
  it('has working defaults for development when TIC_DEV asks for it', () => {
    const config = parseConfig(gatewayConfigSchema, { TIC_DEV: '1' });
    expect(config).toMatchObject({
      PORT: 3000,
      TIC_DEV: true,
      SERVICES: ['applications', 'personnel', 'evaluations', 'funding', 'notifications'],
      RATE_LIMIT: 600,
      RATE_LIMIT_PUBLIC_OBJECTIONS: 60,
      IDEMPOTENCY_TTL_SECONDS: 86_400,
      TRUST_PROXY: false,
    });
  });

  it('reads SERVICES as a comma list of known services', () => {
    expect(parseConfig(gatewayConfigSchema, { TIC_DEV: '1', SERVICES: 'applications, funding' }).SERVICES).toEqual([
      'applications',
      'funding',
    ]);
    expect(() => parseConfig(gatewayConfigSchema, { TIC_DEV: '1', SERVICES: 'applications,billing' })).toThrow(
      ConfigError,
    );
  });

  it('runs as in production without TIC_DEV, naming everything production lacks (CONTRACT.md)', () => {
    const message = problems({});
    for (const setting of ['JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE', 'IDEMPOTENCY_FINGERPRINT_KEY'])
      expect(message).toContain(`${setting}: `);
    expect(message).toContain('TIC_DEV=1');
    expect(problems({ NODE_ENV: 'development' })).toContain('JWKS_URL');
  });

  it('starts production with an https JWKS, issuer, audience and a key of its own', () => {
    expect(parseConfig(gatewayConfigSchema, PRODUCTION)).toMatchObject({
      TIC_DEV: false,
      JWT_AUDIENCE: 'tic-platform',
    });
  });

  it.each([
    ['an http JWKS', { JWKS_URL: 'http://idp.example.org/jwks.json' }, 'JWKS_URL: must be https in production'],
    ['no issuer', { JWT_ISSUER: undefined }, 'JWT_ISSUER'],
    ['no audience', { JWT_AUDIENCE: undefined }, 'JWT_AUDIENCE'],
    ['a public key file', { JWT_PUBLIC_KEY_FILE: '/etc/tic/public.pem' }, 'JWT_PUBLIC_KEY_FILE'],
    [
      'the development fingerprint key',
      { IDEMPOTENCY_FINGERPRINT_KEY: 'ZGV2ZWxvcG1lbnQtb25seS1pZGVtcG90ZW5jeS1maW5nZXJwcmludC1rZXk=' },
      'IDEMPOTENCY_FINGERPRINT_KEY',
    ],
    [
      'a short fingerprint key',
      { IDEMPOTENCY_FINGERPRINT_KEY: Buffer.alloc(16).toString('base64') },
      'at least 32 bytes',
    ],
  ])('refuses production with %s', (_label, change, expected) => {
    const env = Object.fromEntries(
      Object.entries({ ...PRODUCTION, ...change }).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    expect(problems(env)).toContain(expected);
  });

  it('refuses the development fingerprint key by its bytes, however it is written', () => {
    const development = parseConfig(gatewayConfigSchema, { TIC_DEV: '1' }).IDEMPOTENCY_FINGERPRINT_KEY;
    // The same bytes in base64url, without padding.
    expect(problems({ ...PRODUCTION, IDEMPOTENCY_FINGERPRINT_KEY: development.toString('base64url') })).toContain(
      'IDEMPOTENCY_FINGERPRINT_KEY: must be set in production',
    );
  });

  it('trusts X-Forwarded-For only from the proxies listed in TRUST_PROXY, never from everyone', () => {
    const dev = { TIC_DEV: '1' };
    expect(parseConfig(gatewayConfigSchema, { ...dev, TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' }).TRUST_PROXY).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
    ]);
    expect(parseConfig(gatewayConfigSchema, { ...dev, TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(problems({ ...dev, TRUST_PROXY: 'true' })).toContain('TRUST_PROXY');
    expect(problems({ ...dev, TRUST_PROXY: '10.0.0.0/33' })).toContain('TRUST_PROXY');
  });

  it('needs its own NATS password and assertion signing key in production, and no trusted keys', () => {
    const { NATS_PASSWORD: _password, CALLER_ASSERTION_SIGNING_KEY: _key, ...withoutTrust } = PRODUCTION;
    expect(problems(withoutTrust)).toMatch(
      /NATS_PASSWORD: must be set in production.*CALLER_ASSERTION_SIGNING_KEY: must be set in production/,
    );
  });
});
