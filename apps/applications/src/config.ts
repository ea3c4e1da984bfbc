import { z } from 'zod';

import { isProduction, serviceConfigSchema } from '@tic/platform';

/** The applications service's environment; a bad setting stops the start with one line. */
export const applicationsConfigSchema = serviceConfigSchema({
  HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(3101),
  /** DOMAIN.md §7: the public notice lasts this many working days unless DST sets another length. */
  PUBLIC_NOTICE_WORKING_DAYS: z.coerce.number().int().min(1).max(30).default(5),
  /** DOMAIN.md §7: when set, notices run this many calendar days instead (Liaoning has used 7). */
  PUBLIC_NOTICE_CALENDAR_DAYS: z.coerce.number().int().min(1).max(60).optional(),
  DEADLINE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Prefix of the BullMQ keys, so that several platforms (or test runs) can share one Redis. */
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

export type ApplicationsConfig = z.output<typeof applicationsConfigSchema>;
