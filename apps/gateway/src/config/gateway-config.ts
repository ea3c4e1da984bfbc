import { z } from 'zod';

import { serviceNameSchema } from '@tic/contracts';
import { baseConfigSchema, isProduction, refuseDevelopmentTrust } from '@tic/platform';

import { trustedProxies } from './trusted-proxies';

// Development only, so that `npm start` works out of the box; production refuses it.
const DEVELOPMENT_FINGERPRINT_KEY = 'ZGV2ZWxvcG1lbnQtb25seS1pZGVtcG90ZW5jeS1maW5nZXJwcmludC1rZXk=';

const serviceList = z
  .string()
  .default('applications,personnel,evaluations,funding,notifications')
  .transform((value) =>
    value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  )
  .pipe(z.array(serviceNameSchema.exclude(['gateway'])));

const gatewayFields = baseConfigSchema
  .pick({
    TIC_DEV: true,
    LOG_LEVEL: true,
    NATS_URL: true,
    NATS_USER: true,
    NATS_PASSWORD: true,
    CALLER_ASSERTION_SIGNING_KEY: true,
    CALLER_ASSERTION_TRUSTED_KEYS: true,
    REDIS_URL: true,
    RPC_TIMEOUT_MS: true,
    BULK_RPC_TIMEOUT_MS: true,
  })
  .extend({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    /** Services whose health and journal the gateway reads. */
    SERVICES: serviceList,
    /** The provincial identity provider's key set; production takes keys from nowhere else, and over https only. */
    JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** A PEM public key (SPKI, RSA or EC P-256) instead of a JWKS; development and tests only. */
    JWT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
    /** `iss` and `aud` every token must carry; required in production, checked whenever set. */
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: z.string().min(1).optional(),
    /** Where development keys live; `<repo>/.local/dev-jwt` when unset. */
    DEV_JWT_DIR: z.string().min(1).optional(),
    /** Prefix of every Redis key, so that several deployments (or test runs) can share one Redis. */
    REDIS_KEY_PREFIX: z.string().max(100).default('tic:gateway:'),
    RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    RATE_LIMIT: z.coerce.number().int().min(1).default(600),
    RATE_LIMIT_PUBLIC_OBJECTIONS: z.coerce.number().int().min(1).default(60),
    /** Requests with a bad bearer token one client address may send per window before 429. */
    RATE_LIMIT_BAD_TOKENS: z.coerce.number().int().min(1).default(30),
    /** Anonymous GET /health/ready per client address per window (operators are not counted). */
    RATE_LIMIT_HEALTH: z.coerce.number().int().min(1).default(60),
    /**
     * Addresses (or CIDR ranges) from which GET /health/ready answers with every check's details; from
     * anywhere else it answers only `status`, unless the caller's token is a DST operator's.
     */
    HEALTH_DETAILS_FROM: z
      .string()
      .default('127.0.0.1,::1')
      .transform((value, ctx) => trustedProxies(value, ctx)),
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
    /**
     * The reverse proxies (addresses or CIDR ranges, comma separated) whose X-Forwarded-For is believed
     * for the client address of per-address limits; empty (the default) believes none. Never `true`:
     * anyone could then choose the address they are counted under.
     */
    TRUST_PROXY: z
      .string()
      .default('')
      .transform((value, ctx) => trustedProxies(value, ctx)),
    /** Redis key prefix of the services' deadline queues (their QUEUE_PREFIX), which /ops/queues shows. */
    QUEUE_PREFIX: z.string().min(1).max(100).default('tic'),
    /** The `type` of a problem is this prefix followed by its code. */
    PROBLEM_TYPE_BASE: z.string().min(1).default('urn:tic:problem:'),
  });

/** The gateway's environment: no database; NATS for the services, Redis for idempotency and rate limits. */
export const gatewayConfigSchema = gatewayFields.superRefine((config, ctx) => {
  // The gateway signs caller assertions and answers no RPC: it needs its own key, no trusted ones.
  refuseDevelopmentTrust(config, ctx, { verifies: false });
  if (isProduction(config)) refuseDevelopmentSetup(config, ctx);
});

// CONTRACT.md: in production the keys come from the identity provider's JWKS over https, and `iss` and
// `aud` are required and checked. What is missing is named, with the variable that asks for development.
function refuseDevelopmentSetup(
  config: Pick<
    z.output<typeof gatewayFields>,
    'JWKS_URL' | 'JWT_PUBLIC_KEY_FILE' | 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'IDEMPOTENCY_FINGERPRINT_KEY'
  >,
  ctx: z.RefinementCtx,
): void {
  const refuse = (path: string, message: string) => {
    ctx.addIssue({ code: 'custom', path: [path], message: `${message} (TIC_DEV=1 asks for development)` });
  };
  if (config.JWKS_URL === undefined) refuse('JWKS_URL', "production needs the identity provider's JWKS_URL");
  else if (!config.JWKS_URL.startsWith('https://')) refuse('JWKS_URL', 'must be https in production');
  if (config.JWT_PUBLIC_KEY_FILE !== undefined)
    refuse('JWT_PUBLIC_KEY_FILE', 'is for development; production takes its keys from JWKS_URL');
  if (config.JWT_ISSUER === undefined) refuse('JWT_ISSUER', 'production needs the issuer tokens must name');
  if (config.JWT_AUDIENCE === undefined) refuse('JWT_AUDIENCE', 'production needs the audience tokens must name');
  if (config.IDEMPOTENCY_FINGERPRINT_KEY.equals(Buffer.from(DEVELOPMENT_FINGERPRINT_KEY, 'base64')))
    refuse('IDEMPOTENCY_FINGERPRINT_KEY', 'must be set in production (the development key is public)');
}

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

/** The injection token of the parsed configuration. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
