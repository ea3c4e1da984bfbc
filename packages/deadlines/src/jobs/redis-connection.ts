import type { RedisOptions } from 'bullmq';

// Reconnects every 0.2 s … 2 s for as long as Redis is away: an attempt costs nothing, and the jobs
// come back (and the worker resumes) within seconds of Redis returning.
const retryStrategy = (times: number): number => Math.min(times * 200, 2000);

/**
 * ioredis options for the deadlines' Redis. The queue fails fast while Redis is down (the rows are
 * the record and the sweep catches up); the worker's blocking connection waits, as BullMQ requires.
 * Both retry forever, so that a service that started without Redis picks it up when it comes.
 */
export function redisConnection(url: string, role: 'queue' | 'worker'): RedisOptions & { url: string } {
  return role === 'queue'
    ? { url, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy }
    : { url, maxRetriesPerRequest: null, retryStrategy };
}
