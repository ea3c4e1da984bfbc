import { z } from 'zod';

import { ConfigError } from './config-error';
import { eventStreamReplicasSetting } from './event-stream-replicas';
import { refuseDevelopmentTrust, trustConfigShape } from './trust-config';

export { ConfigError } from './config-error';

// Development and tests only, so that `npm start` works out of the box; production refuses it.
const DEVELOPMENT_FINGERPRINT_KEY = 'development-only-idempotency-fingerprint-key';

/**
 * Settings every service reads; a service adds its own through serviceConfigSchema. A process runs as in
 * production unless TIC_DEV asks for development (`npm start` and the test kit do): the development
 * keys in this repository are public, so forgetting a variable must not switch them on.
 */
export const baseConfigSchema = z.object({
  /** Development behaviour (development keys, no production checks); never set in a deployment. */
  TIC_DEV: z.stringbool().default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NATS_URL: z
    .string()
    .regex(/^(nats|tls):\/\/[^\s]+$/, 'must look like nats://host:port')
    .default('nats://127.0.0.1:4222'),
  ...trustConfigShape,
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgres://postgres@127.0.0.1:5432/test'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /** Milliseconds a request over NATS may take before the caller gives up. */
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  /** The same for a bulk request (RpcDefinition.bulk), such as a roster import of 100,000 lines. */
  BULK_RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  /** The port of the service's own HTTP endpoint for /health and /metrics. */
  HTTP_PORT: z.coerce.number().int().min(0).max(65_535),
  /** Migrations run at start unless this is false (production runs them as a separate step). */
  MIGRATE_ON_START: z.stringbool().default(true),
  /** Copies of the event stream the JetStream cluster keeps (3 on a three-node cluster). */
  EVENT_STREAM_REPLICAS: eventStreamReplicasSetting,
  /** Off only in tests that stop a service between a commit and its publication. */
  OUTBOX_RELAY: z.stringbool().default(true),
  /**
   * Keys the fingerprint of a command's body in the service's idempotency records: a body may hold a
   * resident ID number, which a plain hash would give away. Production refuses the development default.
   */
  IDEMPOTENCY_FINGERPRINT_KEY: z.string().min(16).default(DEVELOPMENT_FINGERPRINT_KEY),
  /**
   * Days a command's Idempotency-Key is remembered; after that the same key is a new command. Seven
   * days is the longest the gateway remembers a key (IDEMPOTENCY_TTL_SECONDS), so a retry the gateway
   * would still answer from its cache is never a new command here.
   */
  IDEMPOTENCY_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** How often each instance deletes the records past their retention. */
  IDEMPOTENCY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000),
});

export type BaseConfig = z.output<typeof baseConfigSchema>;

/**
 * A service's schema: the base settings, the service's own, and the production guard, so that no
 * service can run in production on a key that is public in this repository.
 */
export function serviceConfigSchema<Shape extends z.ZodRawShape>(shape: Shape) {
  // TypeScript cannot see the base fields through the generic extension; they are there.
  return baseConfigSchema.extend(shape).superRefine((config, ctx) => {
    refuseDevelopmentSecrets(config as unknown as BaseConfig, ctx);
    refuseDevelopmentTrust(config as unknown as BaseConfig, ctx);
  });
}

/** Whether the process runs as in production: always, unless TIC_DEV asked for development. */
export function isProduction(config: Pick<BaseConfig, 'TIC_DEV'>): boolean {
  return !config.TIC_DEV;
}

function refuseDevelopmentSecrets(config: BaseConfig, ctx: z.RefinementCtx): void {
  if (isProduction(config) && config.IDEMPOTENCY_FINGERPRINT_KEY === DEVELOPMENT_FINGERPRINT_KEY) {
    ctx.addIssue({
      code: 'custom',
      path: ['IDEMPOTENCY_FINGERPRINT_KEY'],
      message: 'must be set in production (the development key is public; TIC_DEV=1 asks for development)',
    });
  }
}

/** Validates the environment against a schema; throws ConfigError with one line naming each bad setting. */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.output<S> {
  if (env.NODE_ENV === 'production' && /^(1|true|yes|on)$/i.test(env.TIC_DEV ?? '')) {
    throw new ConfigError(
      'invalid configuration: TIC_DEV: development behaviour cannot be asked for with NODE_ENV=production',
    );
  }
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`);
  throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
}

/** Like parseConfig, but stops the process with that one line, as a service does at start. */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.output<S> {
  try {
    return parseConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
