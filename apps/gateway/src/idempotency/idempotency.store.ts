import { Inject, Injectable } from '@nestjs/common';

import { rpcTimeouts } from '@tic/platform';

import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import { RedisConnection } from '../redis/redis-connection';
import { withRedis } from '../redis/redis-unavailable';
import { idempotencyRecordSchema, type CompletedRecord, type IdempotencyClaim } from './idempotency-record';

/**
 * Idempotency records in Redis. A key is claimed with SET NX and a pending marker, so that two
 * concurrent duplicates cannot both reach the service; the marker expires on its own if the
 * gateway dies mid-request, and the completed response is kept for IDEMPOTENCY_TTL_SECONDS.
 */
@Injectable()
export class IdempotencyStore {
  private readonly pendingTtlSeconds: number;

  constructor(
    private readonly redis: RedisConnection,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.pendingTtlSeconds = Math.ceil(rpcTimeouts(config).bulkMs / 1000) + 60;
  }

  async claim(owner: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const redisKey = this.keyOf(owner, key);
    const pending = JSON.stringify({ state: 'pending', fingerprint });
    for (let attempt = 0; attempt < 3; attempt++) {
      const set = await withRedis(() => this.redis.client.set(redisKey, pending, 'EX', this.pendingTtlSeconds, 'NX'));
      if (set === 'OK') return { kind: 'claimed' };
      const raw = await withRedis(() => this.redis.client.get(redisKey));
      if (raw === null) continue; // expired between the two commands
      const record = idempotencyRecordSchema.parse(JSON.parse(raw));
      if (record.fingerprint !== fingerprint) return { kind: 'mismatch' };
      return record.state === 'pending' ? { kind: 'in_progress' } : { kind: 'replay', record };
    }
    return { kind: 'in_progress' };
  }

  async complete(owner: string, key: string, record: Omit<CompletedRecord, 'state'>): Promise<void> {
    const value = JSON.stringify({ state: 'done', ...record });
    await withRedis(() =>
      this.redis.client.set(this.keyOf(owner, key), value, 'EX', this.config.IDEMPOTENCY_TTL_SECONDS),
    );
  }

  /** Lets the client retry with the same key after a failure: only successes are kept. */
  async release(owner: string, key: string): Promise<void> {
    await withRedis(() => this.redis.client.del(this.keyOf(owner, key)));
  }

  private keyOf(owner: string, key: string): string {
    return `idem:${owner}:${key}`;
  }
}
