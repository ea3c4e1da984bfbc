import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';

import type { GatewayConfig } from '../config/gateway-config';
import type { GatewayRequest } from '../http/gateway-request';
import type { RedisConnection } from '../redis/redis-connection';
import { ROUTE_SPEC, type RouteSpec } from '../routing/route-spec';
import { RedisThrottlerStorage } from './redis-throttler.storage';

function isPublicWrite(context: ExecutionContext): boolean {
  return (Reflect.getMetadata(ROUTE_SPEC, context.getHandler()) as RouteSpec | undefined)?.publicWrite === true;
}

/**
 * One budget per signed-in user (per client address when anonymous) across all routes, and a
 * tighter one on anonymous writes (public objections). Counts live in Redis.
 */
export function throttlerOptions(config: GatewayConfig, redis: RedisConnection): ThrottlerModuleOptions {
  return {
    storage: new RedisThrottlerStorage(redis),
    throttlers: [
      { name: 'default', ttl: config.RATE_LIMIT_WINDOW_MS, limit: config.RATE_LIMIT },
      {
        name: 'public-write',
        ttl: config.RATE_LIMIT_WINDOW_MS,
        limit: config.RATE_LIMIT_PUBLIC_OBJECTIONS,
        skipIf: (context) => !isPublicWrite(context),
      },
    ],
    getTracker: (request) => {
      const { caller, ip } = request as GatewayRequest;
      return caller ? `user:${caller.userId}` : `ip:${ip}`;
    },
    generateKey: (_context, tracker) => tracker,
  };
}
