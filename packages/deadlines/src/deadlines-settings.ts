import type { DeadlineOwner } from '@tic/domain';

import type { Clock } from './clock/clock';
import { deadlineQueueName } from './jobs/deadline-job';

/** What a service tells DeadlinesModule.forService. */
export interface DeadlinesModuleOptions {
  /** The owning service: names the queue; the events it emits carry this service as producer. */
  readonly service: DeadlineOwner;
  readonly redisUrl: string;
  /** Redis key prefix of the queue; parallel test runs on one Redis use a unique one. Default `tic`. */
  readonly prefix?: string;
  /** How often Postgres is swept for what Redis lost; 0 turns the timer off (tests call sweep()). Default 60 000. */
  readonly sweepIntervalMs?: number;
  /** Jobs a worker runs at once. Default 4. */
  readonly concurrency?: number;
  /** Replaces the system clock (tests); `.overrideProvider(Clock)` works as well. */
  readonly clock?: Clock;
}

export interface DeadlinesSettings {
  readonly service: DeadlineOwner;
  readonly redisUrl: string;
  readonly prefix: string;
  readonly queueName: string;
  readonly sweepIntervalMs: number;
  readonly concurrency: number;
}

export const DEADLINES_SETTINGS = Symbol('DEADLINES_SETTINGS');

/** The settings DeadlinesModule.forRoot() reads from the service's configuration (the platform's config token). */
export interface DeadlinesConfig {
  readonly REDIS_URL: string;
  readonly QUEUE_PREFIX?: string;
  readonly DEADLINE_SWEEP_INTERVAL_MS?: number;
  /** Moves the clock by whole days (end-to-end runs only). */
  readonly CLOCK_OFFSET_DAYS?: number;
}

/** The module options a service's configuration gives. */
export function deadlinesOptionsFromConfig(service: DeadlineOwner, config: DeadlinesConfig): DeadlinesModuleOptions {
  return {
    service,
    redisUrl: config.REDIS_URL,
    ...(config.QUEUE_PREFIX === undefined ? {} : { prefix: config.QUEUE_PREFIX }),
    ...(config.DEADLINE_SWEEP_INTERVAL_MS === undefined ? {} : { sweepIntervalMs: config.DEADLINE_SWEEP_INTERVAL_MS }),
  };
}

/** The options with their defaults filled in. */
export function deadlinesSettings(options: DeadlinesModuleOptions): DeadlinesSettings {
  const sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
  if (!Number.isInteger(sweepIntervalMs) || sweepIntervalMs < 0)
    throw new RangeError(`sweepIntervalMs must be a whole number ≥ 0, got ${sweepIntervalMs}`);
  return {
    service: options.service,
    redisUrl: options.redisUrl,
    prefix: options.prefix ?? 'tic',
    queueName: deadlineQueueName(options.service),
    sweepIntervalMs,
    concurrency: options.concurrency ?? 4,
  };
}
