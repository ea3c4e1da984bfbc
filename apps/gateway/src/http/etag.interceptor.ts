import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type Observable, tap } from 'rxjs';

import type { GatewayReply } from './gateway-request';

/** A resource with a `version` goes out with `ETag: W/"<version>"`, for If-Match on the next change. */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<GatewayReply>();
    return next.handle().pipe(
      tap((body) => {
        if (typeof body === 'object' && body !== null && 'version' in body && typeof body.version === 'number') {
          reply.header('etag', `W/"${body.version}"`);
        }
      }),
    );
  }
}
