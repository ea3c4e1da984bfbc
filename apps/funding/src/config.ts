import { z } from 'zod';

import { serviceConfigSchema } from '@tic/platform';

/** The funding service's environment; a bad setting stops the start with one line. */
export const fundingConfigSchema = serviceConfigSchema({
  HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(3104),
  /** A35: the day of each fiscal year (MM-DD) on which every active allocation's execution is checked. */
  FUNDING_MIDYEAR_CHECK: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month and day, MM-DD')
    .default('07-01'),
  /** A35: the share of its budget an allocation is expected to have spent by then. */
  FUNDING_MIDYEAR_EXPECTED_RATE: z.coerce.number().min(0).max(1).default(0.3),
});

export type FundingConfig = z.output<typeof fundingConfigSchema>;
