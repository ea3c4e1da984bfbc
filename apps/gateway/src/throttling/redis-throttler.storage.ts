import { createHash } from 'node:crypto';

import type { ThrottlerStorage } from '@nestjs/throttler';

import type { RedisConnection } from '../redis/redis-connection';
import { withRedis } from '../redis/redis-unavailable';

// A fixed window per key, shared by every gateway instance: count the hit, start the window on the
// first one, and block for blockDuration once the limit is passed.
const INCREMENT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return { tonumber(redis.call('GET', KEYS[1]) or '0'), math.max(redis.call('PTTL', KEYS[1]), 0), 1, blocked }
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return { hits, ttl, 1, tonumber(ARGV[3]) }
end
return { hits, ttl, 0, 0 }
`;

// Sent by its digest on every request: EVAL of the whole script cost each request its text on the wire
// and a hash of it in Redis. A Redis that lost its script cache (a restart) gets the text once again.
const INCREMENT_SHA = createHash('sha1').update(INCREMENT).digest('hex');

/** Rate-limit counters in Redis, so that several gateway instances share them (@nestjs/throttler storage). */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly redis: RedisConnection) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const base = `throttle:${throttlerName}:${key}`;
    const args = [2, base, `${base}:blocked`, Math.max(1, ttl), limit, Math.max(1, blockDuration)] as const;
    const reply = await withRedis(
      () =>
        this.redis.client.evalsha(INCREMENT_SHA, ...args).catch((error: unknown) => {
          if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
          return this.redis.client.eval(INCREMENT, ...args);
        }) as Promise<number[]>,
    );
    const [totalHits = 0, expiresInMs = 0, blocked = 0, blockExpiresInMs = 0] = reply;
    return {
      totalHits,
      timeToExpire: Math.ceil(expiresInMs / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(blockExpiresInMs / 1000),
    };
  }
}
