import { z } from 'zod';

import { serviceNameSchema } from '@tic/contracts';
import { baseConfigSchema } from '@tic/platform';

// Development only, so that `npm start` works out of the box; production refuses it.
const DEVELOPMENT_FINGERPRINT_KEY = 'ZGV2ZWxvcG1lbnQtb25seS1pZGVtcG90ZW5jeS1maW5nZXJwcmludC1rZXk=';

const serviceList = z
  .string()
  .default('applications,personnel')
  .transform((value) =>
    value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  )
  .pipe(z.array(serviceNameSchema.exclude(['gateway'])));

/** The gateway's environment: no database; NATS for the services, Redis for idempotency and rate limits. */
export const gatewayConfigSchema = baseConfigSchema
  .pick({ NODE_ENV: true, LOG_LEVEL: true, NATS_URL: true, REDIS_URL: true, RPC_TIMEOUT_MS: true })
  .extend({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    /** Services whose health and journal the gateway reads. */
    SERVICES: serviceList,
    /** The provincial identity provider's key set (production). */
    JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** A PEM public key (SPKI, RSA or EC P-256) instead of a JWKS. */
    JWT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: z.string().min(1).optional(),
    /** Where development keys live; `<repo>/.local/dev-jwt` when unset. */
    DEV_JWT_DIR: z.string().min(1).optional(),
    /** Prefix of every Redis key, so that several deployments (or test runs) can share one Redis. */
    REDIS_KEY_PREFIX: z.string().max(100).default('tic:gateway:'),
    RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    RATE_LIMIT: z.coerce.number().int().min(1).default(600),
    RATE_LIMIT_PUBLIC_OBJECTIONS: z.coerce.number().int().min(1).default(60),
    /**
     * Key of the HMAC that fingerprints an idempotent request's body in Redis. A body can hold a
     * resident ID number, whose few digits a plain hash would give away to anyone reading Redis.
     */
    IDEMPOTENCY_FINGERPRINT_KEY: z
      .string()
      .default(DEVELOPMENT_FINGERPRINT_KEY)
      .transform((value) => Buffer.from(value, 'base64'))
      .refine((key) => key.length >= 32, 'must be a base64 secret of at least 32 bytes'),
    IDEMPOTENCY_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(7 * 86_400)
      .default(86_400),
    /** Behind a reverse proxy, take the client address from X-Forwarded-For (for per-IP limits). */
    TRUST_PROXY: z.stringbool().default(false),
    /** The `type` of a problem is this prefix followed by its code. */
    PROBLEM_TYPE_BASE: z.string().min(1).default('urn:tic:problem:'),
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV === 'production' && config.JWKS_URL === undefined && config.JWT_PUBLIC_KEY_FILE === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWKS_URL'],
        message: 'production needs JWKS_URL (or JWT_PUBLIC_KEY_FILE); development keys are never used there',
      });
    }
    if (
      config.NODE_ENV === 'production' &&
      config.IDEMPOTENCY_FINGERPRINT_KEY.equals(Buffer.from(DEVELOPMENT_FINGERPRINT_KEY, 'base64'))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['IDEMPOTENCY_FINGERPRINT_KEY'],
        message: 'must be set in production (the development key is public)',
      });
    }
  });

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

/** The injection token of the parsed configuration. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
