import { z } from 'zod';

import { randomBytes } from 'node:crypto';

import { developmentSigningKey, signingKeyFromSeed } from '../caller/assertion-keys';
import { ConfigError, isProduction, parseConfig, serviceConfigSchema } from './config';

const schema = serviceConfigSchema({ HTTP_PORT: z.coerce.number().int().default(3199) });
const productionKey = 'a-production-secret-of-the-operator';
const REFUSED =
  'IDEMPOTENCY_FINGERPRINT_KEY: must be set in production (the development key is public; TIC_DEV=1 asks for development)';
const productionTrust = {
  NATS_PASSWORD: 'an-operator-nats-password',
  CALLER_ASSERTION_SIGNING_KEY: randomBytes(32).toString('base64url'),
  CALLER_ASSERTION_TRUSTED_KEYS: signingKeyFromSeed('gateway', randomBytes(32)).trustedEntry,
};

describe('a service configuration', () => {
  it('runs as in production when nothing is set: the development key is refused', () => {
    expect(() => parseConfig(schema, {})).toThrow(REFUSED);
    expect(() => parseConfig(schema, { NODE_ENV: 'development' })).toThrow(REFUSED);
  });

  it('runs with development keys only when TIC_DEV asks for it', () => {
    const config = parseConfig(schema, { TIC_DEV: '1' });
    expect(config.IDEMPOTENCY_FINGERPRINT_KEY).toEqual(expect.any(String));
    expect(isProduction(config)).toBe(false);
  });

  it('refuses TIC_DEV with NODE_ENV=production, naming it', () => {
    expect(() => parseConfig(schema, { TIC_DEV: '1', NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => parseConfig(schema, { TIC_DEV: 'true', NODE_ENV: 'production' })).toThrow(
      /^invalid configuration: TIC_DEV/,
    );
  });

  it('refuses production given the development key explicitly', () => {
    const development = parseConfig(schema, { TIC_DEV: '1' }).IDEMPOTENCY_FINGERPRINT_KEY;
    expect(() => parseConfig(schema, { NODE_ENV: 'production', IDEMPOTENCY_FINGERPRINT_KEY: development })).toThrow(
      /IDEMPOTENCY_FINGERPRINT_KEY/,
    );
  });

  it('starts production with a key of its own', () => {
    const config = parseConfig(schema, { IDEMPOTENCY_FINGERPRINT_KEY: productionKey, ...productionTrust });
    expect(isProduction(config)).toBe(true);
    expect(config).toMatchObject({ TIC_DEV: false, IDEMPOTENCY_FINGERPRINT_KEY: productionKey, HTTP_PORT: 3199 });
  });

  it('refuses production without its NATS password and caller assertion keys, or with development ones', () => {
    const production = { IDEMPOTENCY_FINGERPRINT_KEY: productionKey };
    expect(() => parseConfig(schema, production)).toThrow(
      /NATS_PASSWORD: must be set.*CALLER_ASSERTION_SIGNING_KEY: must be set.*CALLER_ASSERTION_TRUSTED_KEYS: must name/,
    );
    expect(() =>
      parseConfig(schema, { ...production, ...productionTrust, NATS_PASSWORD: 'tic-dev-applications' }),
    ).toThrow(/NATS_PASSWORD/);
    const developmentSeed = (issuer: 'applications') =>
      // The development seed is public: sha256 of a known string.
      developmentSigningKey(issuer).privateKey.export({ format: 'jwk' }).d ?? '';
    expect(() =>
      parseConfig(schema, {
        ...production,
        ...productionTrust,
        CALLER_ASSERTION_SIGNING_KEY: developmentSeed('applications'),
      }),
    ).toThrow(/CALLER_ASSERTION_SIGNING_KEY/);
    expect(() =>
      parseConfig(schema, {
        ...production,
        ...productionTrust,
        CALLER_ASSERTION_TRUSTED_KEYS: developmentSigningKey('gateway').trustedEntry,
      }),
    ).toThrow(/CALLER_ASSERTION_TRUSTED_KEYS: must not trust a development key/);
    // A password in NATS_URL counts as the password.
    const { NATS_PASSWORD: _password, ...withoutPassword } = productionTrust;
    expect(
      parseConfig(schema, { ...production, ...withoutPassword, NATS_URL: 'nats://applications:s3cret@nats:4222' })
        .NATS_URL,
    ).toBe('nats://applications:s3cret@nats:4222');
  });

  it('refuses trusted keys it cannot read, naming the entry', () => {
    expect(() => parseConfig(schema, { TIC_DEV: '1', CALLER_ASSERTION_TRUSTED_KEYS: 'billing:abc' })).toThrow(
      /CALLER_ASSERTION_TRUSTED_KEYS: "billing:abc" is not issuer:public-key with a known issuer/,
    );
  });
});
