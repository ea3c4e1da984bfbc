import { z } from 'zod';

import { ROLES } from '@tic/domain';

import type { CallContext } from '../context/call-context';

/** NATS and HTTP header names that carry the call context. */
export const HEADERS = {
  correlationId: 'x-correlation-id',
  /** The caller, as a signed assertion (caller/caller-assertion.ts); never a plain header. */
  assertion: 'x-tic-assertion',
  idempotencyKey: 'idempotency-key',
  traceparent: 'traceparent',
  locale: 'accept-language',
} as const;

/** A caller as an assertion carries it. */
export const callerSchema = z.object({
  userId: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(ROLES),
  orgId: z.string().min(1),
});

/** The headers that carry a call context over NATS (the caller travels apart, signed). */
export function contextHeaders(context: CallContext): Record<string, string> {
  const headers: Record<string, string> = { [HEADERS.correlationId]: context.correlationId };
  if (context.traceparent) headers[HEADERS.traceparent] = context.traceparent;
  if (context.idempotencyKey) headers[HEADERS.idempotencyKey] = context.idempotencyKey;
  if (context.locale) headers[HEADERS.locale] = context.locale;
  return headers;
}
