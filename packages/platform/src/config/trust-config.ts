import { z } from 'zod';

import { isDevelopmentKey, parseTrustedKeys } from '../caller/assertion-keys';

/**
 * Who a process is on NATS and whose caller assertions it believes. Without them a process runs on
 * development credentials (`tic-dev-<user>` passwords, keys derived from the issuer's name), which
 * production refuses.
 */
export const trustConfigShape = {
  /** The NATS user (infra/nats/users.conf); the service's name when unset. */
  NATS_USER: z.string().min(1).optional(),
  NATS_PASSWORD: z.string().min(1).optional(),
  /** This process's Ed25519 signing key for caller assertions: its 32-byte seed, base64url. */
  CALLER_ASSERTION_SIGNING_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64url').length === 32, 'must be a base64url 32-byte Ed25519 seed')
    .optional(),
  /** The keys whose assertions this process believes: `issuer:base64url-public-key`, comma-separated. */
  CALLER_ASSERTION_TRUSTED_KEYS: z
    .string()
    .superRefine((value, ctx) => {
      try {
        if (parseTrustedKeys(value).length === 0) ctx.addIssue({ code: 'custom', message: 'names no key' });
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      }
    })
    .optional(),
};

export interface TrustConfig {
  /** Development behaviour asked for (TIC_DEV=1); production otherwise. */
  readonly TIC_DEV: boolean;
  readonly NATS_URL: string;
  readonly NATS_USER?: string | undefined;
  readonly NATS_PASSWORD?: string | undefined;
  readonly CALLER_ASSERTION_SIGNING_KEY?: string | undefined;
  readonly CALLER_ASSERTION_TRUSTED_KEYS?: string | undefined;
}

/** The development NATS password of a user, as `npm start` gives it to its private nats-server. */
export function developmentNatsPassword(user: string): string {
  return `tic-dev-${user}`;
}

/**
 * Production runs only on credentials and keys of its own, none of the public development ones. A
 * process that answers no RPC (the gateway) signs but verifies nothing, so needs no trusted keys.
 */
export function refuseDevelopmentTrust(
  config: TrustConfig,
  ctx: z.RefinementCtx,
  { verifies }: { verifies: boolean } = { verifies: true },
): void {
  if (config.TIC_DEV) return;
  const problem = (path: string, message: string) => {
    ctx.addIssue({ code: 'custom', path: [path], message });
  };
  const password = config.NATS_PASSWORD ?? /^[a-z]+:\/\/[^@/]*:([^@/]+)@/.exec(config.NATS_URL)?.[1];
  if (password === undefined || password.startsWith(developmentNatsPassword(''))) {
    problem('NATS_PASSWORD', 'must be set in production (the NATS user of infra/nats/users.conf)');
  }
  const seed = config.CALLER_ASSERTION_SIGNING_KEY;
  if (seed === undefined || isDevelopmentKey({ seed: Buffer.from(seed, 'base64url') })) {
    problem('CALLER_ASSERTION_SIGNING_KEY', 'must be set in production (the development key is public)');
  }
  const trusted = config.CALLER_ASSERTION_TRUSTED_KEYS;
  if (trusted === undefined) {
    if (!verifies) return;
    problem(
      'CALLER_ASSERTION_TRUSTED_KEYS',
      'must name the gateway’s (and calling services’) public keys in production',
    );
  } else if (trusted.split(',').some((entry) => isDevelopmentKey({ publicKey: entry.trim().split(':')[1] ?? '' }))) {
    problem('CALLER_ASSERTION_TRUSTED_KEYS', 'must not trust a development key in production');
  }
}
