import { z } from 'zod';

import { isProduction, serviceConfigSchema } from '@tic/platform';

/** Is MM-DD a real day in every year: valid in a non-leap year (so 02-29 is refused as well as 02-30, 04-31)? */
export function isDayOfEveryYear(monthDay: string): boolean {
  const [month, day] = monthDay.split('-').map(Number);
  if (month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(2025, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The funding service's environment; a bad setting stops the start with one line. */
export const fundingConfigSchema = serviceConfigSchema({
  HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(3104),
  DEADLINE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default('tic'),
  /** Moves the service's clock by whole days; end-to-end tests only, refused in production. */
  CLOCK_OFFSET_DAYS: z.coerce.number().int().min(-3650).max(3650).default(0),
  /** A35: the day of each fiscal year (MM-DD) on which every active allocation's execution is checked. */
  FUNDING_MIDYEAR_CHECK: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month and day, MM-DD')
    .refine((monthDay) => isDayOfEveryYear(monthDay), {
      error: 'a day every year has (02-30 and 04-31 do not exist; 02-29 is missing in three years of four)',
    })
    .default('07-01'),
  /** A35: the share of its budget an allocation is expected to have spent by then. */
  FUNDING_MIDYEAR_EXPECTED_RATE: z.coerce.number().min(0).max(1).default(0.3),
}).refine((config) => !isProduction(config) || config.CLOCK_OFFSET_DAYS === 0, {
  path: ['CLOCK_OFFSET_DAYS'],
  error: 'must be 0 in production',
});

export type FundingConfig = z.output<typeof fundingConfigSchema>;
