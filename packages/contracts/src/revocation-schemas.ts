import { z } from 'zod';

/** A31: the grounds a revocation case names, by item number (1)–(9), each once. */
export const revocationGroundsSchema = z
  .array(z.number().int().min(1).max(9))
  .min(1)
  .refine((grounds) => new Set(grounds).size === grounds.length, { error: 'names a ground twice' })
  .describe('the A31 grounds, by item number (1)–(9)');
