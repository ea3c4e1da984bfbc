import { z } from 'zod';

import { isProduction, serviceConfigSchema } from '@tic/platform';

/** The evaluations service's environment; a bad setting stops the start with one line. */
export const evaluationsConfigSchema = serviceConfigSchema({
  HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(3103),
  DEADLINE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default('tic'),
  /** Moves the service's clock by whole days; end-to-end tests only, refused in production. */
  CLOCK_OFFSET_DAYS: z.coerce.number().int().min(-3650).max(3650).default(0),
}).refine((config) => !isProduction(config) || config.CLOCK_OFFSET_DAYS === 0, {
  path: ['CLOCK_OFFSET_DAYS'],
  error: 'must be 0 in production',
});

export type EvaluationsConfig = z.output<typeof evaluationsConfigSchema>;
