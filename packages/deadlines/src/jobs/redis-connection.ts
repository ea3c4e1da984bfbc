import type { RedisOptions } from 'bullmq';

/**
 * BullMQ connection options for a Redis URL. The queue fails fast when Redis is down (the rows are
 * the record and the sweep catches up); the worker's blocking connection retries forever, as
 * BullMQ requires.
 */
export function redisConnection(url: string, role: 'queue' | 'worker'): RedisOptions {
  return role === 'queue'
    ? { url, enableOfflineQueue: false, maxRetriesPerRequest: 1 }
    : { url, maxRetriesPerRequest: null };
}
