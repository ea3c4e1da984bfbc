import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';

import { UploadedFile } from '../uploads/uploaded-file';
import type { GatewayRequest } from './gateway-request';
import { localeOf } from './locale';
import { refuseUnstorableText } from './unstorable-text';

/**
 * One rule for every route: a NUL or a lone surrogate anywhere in the input is a 400 naming the field,
 * before any route reads it, because Postgres refuses such text and would turn it into a 500. An
 * uploaded file's cells are checked where the file is read (RosterUploads).
 */
@Injectable()
export class UnstorableTextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const body = request.body instanceof UploadedFile ? undefined : request.body;
    refuseUnstorableText(
      { params: request.params, query: request.query, body },
      localeOf(request.headers['accept-language']),
    );
    return next.handle();
  }
}
