import { type ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { type Observable, throwError } from 'rxjs';

import type { RpcError } from '@tic/contracts';

import { RpcFailure } from './rpc-failure';

/**
 * Turns whatever an RPC handler throws into an RpcError for the caller: refusals as they are,
 * anything else as `internal` (logged here with its stack, never sent over the wire). HTTP errors
 * of the service's own endpoints keep NestJS's default handling.
 */
@Catch()
export class RpcErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('RpcErrorFilter');

  override catch(exception: unknown, host: ArgumentsHost): Observable<RpcError> | undefined {
    if (host.getType() !== 'rpc') {
      super.catch(exception, host);
      return undefined;
    }
    if (exception instanceof RpcFailure) return throwError(() => exception.error);
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return throwError(() => RpcFailure.of('internal').error);
  }
}
