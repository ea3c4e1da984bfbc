import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';

import { nameHttpServerSpan, runInCallContext } from '@tic/platform';

import { callContextOf } from './call-context';
import type { GatewayRequest } from './gateway-request';

/**
 * Runs the handler inside the request's call context, so that the RpcClient sends the caller,
 * correlation id, idempotency key and locale with every RPC, and log lines carry the correlation id.
 */
@Injectable()
export class CallContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<GatewayRequest & { routeOptions?: { url?: string } }>();
    nameHttpServerSpan(request.method, request.routeOptions?.url, request.id);
    const callContext = callContextOf(request);
    // Subscribing inside the context keeps it for the handler, which runs on subscription.
    return new Observable((subscriber) => runInCallContext(callContext, () => next.handle().subscribe(subscriber)));
  }
}
