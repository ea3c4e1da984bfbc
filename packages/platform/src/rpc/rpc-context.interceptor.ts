import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { Observable } from 'rxjs';

import { newCorrelationId, runInCallContext, type CallContext } from '../context/call-context';
import { decodeCaller, HEADERS } from './rpc-headers';

interface NatsHeaderView {
  get(key: string): string;
}

/** Restores the caller's context from the NATS headers, so that logs and events carry it. */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const nats = context.switchToRpc().getContext<unknown>();
    const headers = nats instanceof NatsContext ? (nats.getHeaders() as NatsHeaderView | undefined) : undefined;
    const header = (name: string) => {
      const value = headers?.get(name);
      return value === undefined || value === '' ? undefined : value;
    };
    const caller = decodeCaller(header(HEADERS.caller));
    const traceparent = header(HEADERS.traceparent);
    const idempotencyKey = header(HEADERS.idempotencyKey);
    const locale = header(HEADERS.locale);
    const callContext: CallContext = {
      correlationId: header(HEADERS.correlationId) ?? newCorrelationId(),
      ...(caller ? { caller } : {}),
      ...(traceparent ? { traceparent } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(locale === 'en' || locale === 'zh' ? { locale } : {}),
    };
    // The handler subscribes later than this call returns; subscribing inside keeps the context.
    return new Observable((subscriber) => runInCallContext(callContext, () => next.handle().subscribe(subscriber)));
  }
}
