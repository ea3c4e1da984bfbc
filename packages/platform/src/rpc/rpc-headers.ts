import { z } from 'zod';

import { ROLES } from '@tic/domain';

import type { Caller, CallContext } from '../context/call-context';

/** NATS and HTTP header names that carry the call context. */
export const HEADERS = {
  correlationId: 'x-correlation-id',
  caller: 'x-tic-caller',
  idempotencyKey: 'idempotency-key',
  traceparent: 'traceparent',
  locale: 'accept-language',
} as const;

const callerSchema = z.object({
  userId: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(ROLES),
  orgId: z.string().min(1),
});

/** Encodes the caller for a header: base64url JSON, so that Chinese names survive header encoding. */
export function encodeCaller(caller: Caller): string {
  return Buffer.from(JSON.stringify(caller), 'utf8').toString('base64url');
}

/** Decodes a caller header; a malformed one counts as no caller. */
export function decodeCaller(value: string | undefined): Caller | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const parsed = callerSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The headers that carry a call context over NATS. */
export function contextHeaders(context: CallContext): Record<string, string> {
  const headers: Record<string, string> = { [HEADERS.correlationId]: context.correlationId };
  if (context.caller) headers[HEADERS.caller] = encodeCaller(context.caller);
  if (context.traceparent) headers[HEADERS.traceparent] = context.traceparent;
  if (context.idempotencyKey) headers[HEADERS.idempotencyKey] = context.idempotencyKey;
  if (context.locale) headers[HEADERS.locale] = context.locale;
  return headers;
}
