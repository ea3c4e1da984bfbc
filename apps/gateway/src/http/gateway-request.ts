import type { Caller } from '@tic/platform';

/** What the gateway reads of a Fastify request; `caller` is set once the token is verified. */
export interface GatewayRequest {
  /** The correlation id (Fastify's request id, taken from `x-correlation-id` or generated). */
  readonly id: string;
  readonly ip: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly params: unknown;
  readonly query: unknown;
  readonly body: unknown;
  caller?: Caller;
  /** Set once the token was checked on arrival (before the body), so that the guard does not check it again. */
  authenticated?: boolean;
}

/** What the gateway writes on a Fastify reply. */
export interface GatewayReply {
  readonly sent: boolean;
  status(code: number): GatewayReply;
  header(name: string, value: string | number): GatewayReply;
  send(payload: string): unknown;
}

/** A header's single value (the first of a repeated header). */
export function headerValue(request: Pick<GatewayRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
