import { HEADERS, type CallContext } from '@tic/platform';

import { headerValue, type GatewayRequest } from './gateway-request';
import { localeOf } from './locale';

/** What travels from an HTTP request to every RPC it makes: correlation id, caller, idempotency key, locale, trace. */
export function callContextOf(request: GatewayRequest): CallContext {
  const idempotencyKey = headerValue(request, HEADERS.idempotencyKey);
  const traceparent = headerValue(request, HEADERS.traceparent);
  return {
    correlationId: request.id,
    locale: localeOf(request.headers['accept-language']),
    ...(request.caller ? { caller: request.caller } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
    ...(traceparent ? { traceparent } : {}),
  };
}
