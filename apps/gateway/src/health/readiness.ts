import { z } from 'zod';

const check = z.object({
  status: z.enum(['up', 'down']),
  detail: z.string().optional(),
  instance: z.string().optional(),
  version: z.string().optional(),
  dependencies: z
    .record(z.string(), z.object({ status: z.enum(['up', 'down']), detail: z.string().optional() }))
    .optional(),
});

/**
 * GET /health/ready: the gateway's Redis and each configured service (with its Postgres, NATS, Redis).
 * `checks` only for operators (HEALTH_DETAILS_FROM, or a DST token); anyone else learns `status` only.
 */
export const readinessSchema = z.object({
  status: z.enum(['up', 'down']),
  checks: z.record(z.string(), check).optional(),
});
export type Readiness = z.output<typeof readinessSchema>;
export type ReadinessCheck = z.output<typeof check>;

/** GET /health: the gateway process answers. */
export const livenessSchema = z.object({
  status: z.literal('up'),
  service: z.literal('gateway'),
  version: z.string(),
  instance: z.string(),
});
