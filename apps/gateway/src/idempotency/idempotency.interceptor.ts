import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { catchError, from, mergeMap, type Observable, of, throwError } from 'rxjs';

import { HEADERS } from '@tic/platform';

import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import { headerValue, type GatewayReply, type GatewayRequest } from '../http/gateway-request';
import { ProblemException } from '../http/problem.exception';
import { ROUTE_SPEC, type RouteSpec } from '../routing/route-spec';
import { requestFingerprint } from './fingerprint';
import { IdempotencyStore } from './idempotency.store';

const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

/**
 * Idempotency-Key on routes that create: the same key and body replay the first response
 * (with `Idempotency-Replayed: true`) and reach no service; the same key with another body is a 422,
 * and a duplicate that arrives while the first is still running is a 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const spec = this.reflector.get<RouteSpec | undefined>(ROUTE_SPEC, context.getHandler());
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const key = headerValue(request, HEADERS.idempotencyKey);
    if (spec?.idempotent !== true || key === undefined) return next.handle();
    if (!KEY_FORMAT.test(key)) {
      throw ProblemException.invalid([{ path: 'Idempotency-Key', message: '1 to 255 visible ASCII characters' }]);
    }
    const owner = request.caller?.userId ?? `anonymous:${request.ip}`;
    const fingerprint = requestFingerprint(
      this.config.IDEMPOTENCY_FINGERPRINT_KEY,
      request.method,
      request.url.split('?')[0] ?? request.url,
      request.body,
    );
    const claim = await this.store.claim(owner, key, fingerprint);
    switch (claim.kind) {
      case 'mismatch':
        throw ProblemException.of('idempotency_key_reused', {
          zh: '该幂等键已用于另一个请求体不同的请求；请换一个新键',
          en: 'This Idempotency-Key was used for a request with another body; use a new key',
        });
      case 'in_progress':
        throw ProblemException.of('idempotency_in_progress', {
          zh: '使用该幂等键的请求仍在处理，请稍后重试',
          en: 'A request with this Idempotency-Key is still being processed; retry shortly',
        });
      case 'replay': {
        const reply = context.switchToHttp().getResponse<GatewayReply>();
        reply.status(claim.record.status).header('idempotency-replayed', 'true');
        return of(claim.record.body);
      }
      case 'claimed':
        return next.handle().pipe(
          mergeMap((body) =>
            from(this.store.complete(owner, key, { fingerprint, status: spec.status, body })).pipe(
              mergeMap(() => of(body)),
            ),
          ),
          catchError((error: unknown) =>
            from(this.store.release(owner, key).catch(() => undefined)).pipe(mergeMap(() => throwError(() => error))),
          ),
        );
    }
  }
}
