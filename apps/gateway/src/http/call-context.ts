import { HEADERS, type CallContext } from '@tic/platform';

import { headerValue, type GatewayRequest } from './gateway-request';
import { localeOf } from './locale';

/**
 * What travels from an HTTP request to every RPC it makes: correlation id, caller, idempotency key, locale.
 * Not the client's `traceparent`: the platform's trace starts here (outbound-propagator.ts), and a client's
 * header would otherwise reach the services and the events agencies receive.
 */
export function callContextOf(request: GatewayRequest): CallContext {
  const idempotencyKey = headerValue(request, HEADERS.idempotencyKey);
  return {
    correlationId: request.id,
    locale: localeOf(request.headers['accept-language']),
    ...(request.caller ? { caller: request.caller } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
}
