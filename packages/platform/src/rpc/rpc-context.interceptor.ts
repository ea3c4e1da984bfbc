import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { from, Observable, switchMap } from 'rxjs';

import type { CallerAssertionVerifier } from '../caller/caller-assertion';
import { newCorrelationId, runInCallContext, type CallContext } from '../context/call-context';
import { rpcServerSpan } from '../telemetry/messaging-spans';
import { observeInSpan } from '../telemetry/spans';
import { parseTraceparent } from '../telemetry/trace-context';
import { HEADERS } from './rpc-headers';

interface NatsHeaderView {
  get(key: string): string;
}

/**
 * Restores the caller's context from the NATS headers, so that logs and events carry it. Every RPC
 * must carry an assertion signed for its subject by a trusted key (the gateway's, or a calling
 * service's); the caller is taken from it and from nothing else. Without one the RPC is refused.
 */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  constructor(private readonly verifier: CallerAssertionVerifier) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const nats = context.switchToRpc().getContext<unknown>();
    if (!(nats instanceof NatsContext)) return next.handle();
    const headers = nats.getHeaders() as NatsHeaderView | undefined;
    const header = (name: string) => {
      const value = headers?.get(name);
      return value === undefined || value === '' ? undefined : value;
    };
    const subject = nats.getSubject();
    // A malformed one would be refused by the event envelope of whatever the command records: dropped here.
    const sent = header(HEADERS.traceparent)?.trim().toLowerCase();
    const traceparent = parseTraceparent(sent) ? sent : undefined;
    return observeInSpan(rpcServerSpan(subject, traceparent, header('tracestate')), () =>
      from(this.verifier.verify(header(HEADERS.assertion), subject)).pipe(
        switchMap(({ caller }) => this.handle(next, header, caller, traceparent)),
      ),
    );
  }

  private handle(
    next: CallHandler,
    header: (name: string) => string | undefined,
    caller: CallContext['caller'],
    traceparent: string | undefined,
  ): Observable<unknown> {
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
