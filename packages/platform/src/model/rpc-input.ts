import type { z } from 'zod';

/** The validated payload type of an RPC definition. */
export type In<D extends { request: z.ZodType }> = z.output<D['request']>;
