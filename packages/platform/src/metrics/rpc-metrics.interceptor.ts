import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { type Observable, tap } from 'rxjs';

import { RpcMetrics } from './rpc-metrics';
import { classifyRpcFailure, rpcMethodOf } from './rpc-outcome';

/**
 * Times every RPC handler and records its outcome: what it threw, before the error filter turns it
 * into an RpcError. HTTP requests to the service (health, metrics) are not RPCs and are left alone.
 */
@Injectable()
export class RpcMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: RpcMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const nats = context.switchToRpc().getContext<unknown>();
    if (!(nats instanceof NatsContext)) return next.handle();
    const record = this.metrics.start(rpcMethodOf(nats.getSubject(), this.metrics.service));
    return next.handle().pipe(
      tap({
        complete: () => {
          record('ok');
        },
        error: (thrown: unknown) => {
          const { outcome, code } = classifyRpcFailure(thrown);
          record(outcome, code);
        },
      }),
    );
  }
}
