import type { FactoryProvider, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';

import type { HealthCheck } from '@tic/platform';

/** Redis for the service's health: without it deadlines still fire (the sweep), but only once a minute. */
export class RedisHealthCheck implements HealthCheck, OnApplicationShutdown {
  readonly name = 'redis';
  private readonly client: Redis;

  constructor(url: string) {
    this.client = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.client.on('error', () => {
      // Reported by check(); a listener keeps ioredis from printing every reconnection attempt.
    });
  }

  async check(): Promise<void> {
    if (this.client.status === 'wait') await this.client.connect();
    await this.client.ping();
  }

  // disconnect, not quit: a health probe has nothing in flight worth waiting for.
  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}

export const REDIS_HEALTH_CHECK = Symbol('REDIS_HEALTH_CHECK');

/** A provider for PlatformModule.forService({ healthChecks: [it], healthCheckTokens: [REDIS_HEALTH_CHECK] }). */
export function redisHealthCheckProvider(url: string): FactoryProvider<RedisHealthCheck> {
  return { provide: REDIS_HEALTH_CHECK, useFactory: () => new RedisHealthCheck(url) };
}
