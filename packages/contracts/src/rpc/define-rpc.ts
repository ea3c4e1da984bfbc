import { z } from 'zod';

import type { ServiceName } from '../schemas';
import { rpcSubject } from '../subjects';

/** A command or query over core NATS request/reply, declared once for the caller and the handler. */
export interface RpcDefinition<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly service: ServiceName;
  readonly operation: string;
  /** `tic.rpc.<service>.<operation>`, answered by the service's queue group. */
  readonly subject: string;
  readonly summary: string;
  readonly request: Req;
  readonly response: Res;
  /**
   * One request carries a whole file's worth of rows (a roster of up to 100,000 lines), so the caller
   * waits BULK_RPC_TIMEOUT_MS for it rather than the timeout of an ordinary command.
   */
  readonly bulk?: true;
  /**
   * Asked by another service only (with the caller it acts for), never routed by the gateway: a route
   * would let a user take the step without the service that records it (A30's acceptance draw).
   */
  readonly internal?: true;
}

/** Declares an RPC operation. */
export function defineRpc<Req extends z.ZodType, Res extends z.ZodType>(definition: {
  service: ServiceName;
  operation: string;
  summary: string;
  request: Req;
  response: Res;
  bulk?: true;
  internal?: true;
}): RpcDefinition<Req, Res> {
  return { ...definition, subject: rpcSubject(definition.service, definition.operation) };
}

export type RpcRequest<R extends RpcDefinition> = z.input<R['request']>;
export type RpcResponse<R extends RpcDefinition> = z.output<R['response']>;

/**
 * Why a service refused a request; the gateway maps the code to one HTTP status and renders it as
 * problem+json, so that a refusal reads the same whether it came from the gateway or a service.
 */
export const RPC_ERROR_CODES = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  rule_violation: 422,
  waiver_required: 422,
  /** A user's volume limit over a window (roster lines checked, people registered); `retryAfterSeconds` says when it resets. */
  quota_exceeded: 429,
  unavailable: 503,
  internal: 500,
} as const;
export type RpcErrorCode = keyof typeof RPC_ERROR_CODES;

/** A refusal's stable code: `<feature>.<reason>` in snake case (`appointment.already_ended`). */
export const REFUSAL_REASON = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export const rpcErrorSchema = z.object({
  /** The category, which gives the HTTP status (RPC_ERROR_CODES). */
  code: z.enum(Object.keys(RPC_ERROR_CODES) as [RpcErrorCode, ...RpcErrorCode[]]),
  /** The stable code clients switch on (problem+json `code`, CONTRACT.md), when the refusal has one. */
  reason: z.string().regex(REFUSAL_REASON).optional(),
  title: z.object({ zh: z.string(), en: z.string() }),
  detail: z.object({ zh: z.string(), en: z.string() }).optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  rule: z.string().optional(),
  article: z.string().optional(),
  /** When the caller may try again (a quota's window ends): the gateway's `Retry-After`. */
  retryAfterSeconds: z.number().int().min(1).optional(),
});
export type RpcError = z.output<typeof rpcErrorSchema>;

/** The reply envelope of every RPC: the result, or a refusal. */
export function rpcReplySchema<Res extends z.ZodType>(response: Res) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data: response }),
    z.object({ ok: z.literal(false), error: rpcErrorSchema }),
  ]);
}
