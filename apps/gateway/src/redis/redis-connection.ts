import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';

/** The gateway's Redis: idempotency records and rate-limit counters, every key under one prefix. */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(url: string, keyPrefix: string) {
    // Fail fast rather than queue: a request waiting on a dead Redis should become a 503, not hang.
    this.client = new Redis(url, { keyPrefix, maxRetriesPerRequest: 1, commandTimeout: 2000, connectTimeout: 2000 });
    this.client.on('error', () => undefined); // reported by /health/ready and by the failing command
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => {
      this.client.disconnect();
    });
  }
}
