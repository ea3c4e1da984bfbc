import { z } from 'zod';

import { EXPENSE_CATEGORIES } from '@tic/domain';

/** The largest amount a ledger holds: 10^15 fen (ten trillion yuan), well inside a JavaScript safe integer. */
export const MAX_FEN = 1_000_000_000_000_000;

/** An amount in fen (分) as a whole number: money is never a float on the platform. */
export const fen = z.number().int().min(0).max(MAX_FEN).describe('an amount in fen (分), a whole number');

/** A positive amount in fen: an expenditure, a budget line. */
export const positiveFen = z
  .number()
  .int()
  .min(1)
  .max(MAX_FEN)
  .describe('an amount in fen (分), a whole number above 0');

export const expenseCategorySchema = z.enum(EXPENSE_CATEGORIES).describe('设备费、业务费、劳务费、间接费用');

/** Spent over allocated, as a fraction 0–1 rounded to four places (0.4567 = 45.67 %); null when nothing was allocated. */
export const executionRate = z.number().min(0).nullable();
