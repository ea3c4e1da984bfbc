import { z } from 'zod';

/** What Redis keeps under `idem:<sub>:<key>`: a pending marker, then the first response. */
export const idempotencyRecordSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('pending'), fingerprint: z.string() }),
  z.object({ state: z.literal('done'), fingerprint: z.string(), status: z.number().int(), body: z.unknown() }),
]);

export type IdempotencyRecord = z.output<typeof idempotencyRecordSchema>;
export type CompletedRecord = Extract<IdempotencyRecord, { state: 'done' }>;

/** The outcome of claiming a key. */
export type IdempotencyClaim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'in_progress' }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'replay'; readonly record: CompletedRecord };
