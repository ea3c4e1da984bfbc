import { MikroORM } from '@mikro-orm/postgresql';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

import { Clock } from '../clock/clock';
import { fallsDueAt, startOfShanghaiDay } from '../clock/shanghai-time';
import { DEADLINES_SETTINGS, type DeadlinesSettings } from '../deadlines-settings';
import { Deadline } from '../entities/deadline.entity';
import { DeadlineReminder } from '../entities/deadline-reminder.entity';
import { settlesWithin } from './bounded-shutdown';
import { dueJobId, reminderJobId, type DeadlineJobData, type DeadlineJobName } from './deadline-job';
import { redisConnection } from './redis-connection';

const PAGE = 500;
// How often a live connection is asked whether Redis still holds the queue's keys: one EXISTS.
const LOSS_CHECK_MS = 2_000;

/** A job the committed rows call for. */
interface WantedJob {
  readonly jobId: string;
  readonly name: DeadlineJobName;
  readonly data: DeadlineJobData;
  readonly at: Date;
}

/**
 * The BullMQ side of the deadlines: delayed jobs derived from the rows. A job only wakes the service
 * up; losing one costs at most a sweep interval, never a firing. Redis here keeps nothing on disk, so
 * every time its connection becomes ready (at start, after a restart or an outage) the jobs of all
 * pending deadlines are derived again, without restarting the service; while Redis is away nothing
 * waits for it.
 */
@Injectable()
export class DeadlineJobs implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineJobs.name);
  readonly queue: Queue<DeadlineJobData, boolean, DeadlineJobName>;
  private readonly redis: Redis;
  private readonly inFlight = new Set<Promise<unknown>>();
  private started = false;
  private closing = false;
  /** The jobs of every pending deadline are to be derived (again). */
  private owed = true;
  private deriving = false;
  /** An outage is reported once, not at every reconnection attempt. */
  private outageReported = false;
  private lossCheck?: NodeJS.Timeout;

  constructor(
    @Inject(DEADLINES_SETTINGS) private readonly settings: DeadlinesSettings,
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {
    const { url, ...options } = redisConnection(settings.redisUrl, 'queue');
    this.redis = new Redis(url, options);
    this.redis.on('error', () => {
      // Reported by the queue's error listener; this one keeps ioredis from printing each attempt.
    });
    this.redis.on('ready', () => {
      if (this.outageReported) this.logger.log(`Redis is back: deriving the jobs of the pending deadlines again`);
      this.outageReported = false;
      this.owed = true;
      this.rederive();
    });
    this.queue = new Queue(settings.queueName, {
      connection: this.redis,
      prefix: settings.prefix,
      // Completed and failed jobs leave Redis, so that the same id can be derived again later.
      defaultJobOptions: {
        removeOnComplete: true,
        removeOnFail: true,
        attempts: 3,
        backoff: { type: 'exponential', delay: 1000 },
      },
    });
    this.queue.on('error', (error) => {
      if (this.redisReady || !this.outageReported) {
        this.logger.warn(
          `queue ${settings.queueName}: ${error.message}${this.redisReady ? '' : '; deadlines fire from the Postgres sweep until Redis is back'}`,
        );
      }
      if (!this.redisReady) this.outageReported = true;
    });
  }

  // Not before: the tables may not exist until the service's migrations ran.
  onApplicationBootstrap(): void {
    this.started = true;
    this.rederive();
    this.lossCheck = setInterval(() => void this.checkForLoss(), LOSS_CHECK_MS);
    this.lossCheck.unref();
  }

  /**
   * Redis can lose the queue's keys without dropping the connection (FLUSHALL, an eviction, a failover
   * to an empty replica): no `ready` event then. The marker written at each derivation is gone too, and
   * its absence owes a derivation, as a reconnection does.
   */
  private async checkForLoss(): Promise<void> {
    if (!this.started || this.closing || this.deriving || !this.redisReady) return;
    // Owed and not running: Redis came back while a derivation was failing (its `ready` found one
    // running), and nothing else would start it before the next sweep pass.
    if (this.owed) {
      this.rederive();
      return;
    }
    try {
      if ((await this.redis.exists(this.markerKey)) === 1) return;
    } catch {
      return; // an outage: the reconnection's `ready` derives again
    }
    this.logger.warn(
      `Redis lost the keys of ${this.settings.queueName}: deriving the jobs of the pending deadlines again`,
    );
    this.owed = true;
    this.rederive();
  }

  /** Whether the queue's connection to Redis is up right now. */
  get redisReady(): boolean {
    return this.redis.status === 'ready';
  }

  /**
   * Derives the jobs of every pending deadline in the background if that is owed (since the start or
   * Redis' last return) and Redis is up; a no-op otherwise. Redis' `ready` event and each sweep call it.
   */
  rederive(): void {
    if (!this.started || this.closing || !this.owed || this.deriving || !this.redisReady) return;
    this.owed = false;
    this.deriving = true;
    this.track(
      this.markDerivation()
        .then((lost) => this.derivePending({ lost }))
        .then(async (count) => {
          // Lost again while deriving: what was derived before the loss is gone.
          if ((await this.redis.exists(this.markerKey)) === 0) this.owed = true;
          return count;
        })
        .then(
          (count) => {
            this.logger.log(`derived the jobs of ${count} pending deadline(s) in ${this.settings.queueName}`);
            this.deriving = false;
            this.rederive(); // Redis came back once more meanwhile
          },
          (error: unknown) => {
            // Retried at the next sweep pass or the next time Redis becomes ready, not in a loop.
            this.owed = true;
            this.deriving = false;
            this.logger.warn(
              `could not derive the jobs of the pending deadlines; the sweep covers them: ${String(error)}`,
            );
          },
        ),
    );
  }

  private get markerKey(): string {
    return `${this.settings.prefix}:${this.settings.queueName}:derived`;
  }

  /** Marks the derivation; true when the marker of the last one was gone: Redis lost the queue's keys. */
  private async markDerivation(): Promise<boolean> {
    return (await this.redis.set(this.markerKey, this.clock.now().toISOString(), 'GET')) === null;
  }

  /** Brings the jobs of these deadlines in line with their committed rows, without making the caller wait. */
  syncSoon(ids: Iterable<string>): void {
    const list = [...ids];
    // Redis away: its return derives every job again, and the sweep fires meanwhile.
    if (this.closing || list.length === 0 || !this.redisReady) return;
    this.track(
      this.sync(list).catch((error: unknown) => {
        this.logger.warn(
          `could not derive the jobs of ${list.length} deadline(s); the sweep covers them: ${String(error)}`,
        );
      }),
    );
  }

  /** Resolves once every derivation started so far has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async sync(ids: readonly string[]): Promise<void> {
    const em = this.orm.em.fork();
    const deadlines = await em.find(Deadline, { id: { $in: [...ids] } });
    const reminders = await em.find(DeadlineReminder, { deadlineId: { $in: [...ids] } });
    await this.derive(deadlines, reminders);
  }

  /**
   * Derives the jobs of every pending deadline: what brings them back after Redis lost them. With `lost`
   * (Redis lost the queue's keys), no job is looked up first: none can be there for another date, and
   * adding one that is there already changes nothing. The next page is read from Postgres while Redis
   * adds the last one (one bulk in flight at a time).
   */
  async derivePending(options: { lost?: boolean } = {}): Promise<number> {
    const em = this.orm.em.fork();
    let count = 0;
    let adding: Promise<void> = Promise.resolve();
    for (let after: string | undefined; ;) {
      const page = await em.find(
        Deadline,
        after === undefined ? { state: 'pending' } : { state: 'pending', id: { $gt: after } },
        { orderBy: { id: 'asc' }, limit: PAGE },
      );
      if (page.length === 0) break;
      const reminders = await em.find(DeadlineReminder, { deadlineId: { $in: page.map((d) => d.id) }, sentAt: null });
      await adding;
      adding = this.derive(page, reminders, options.lost ?? false);
      // Awaited before the next page's add or at the end; until then, a failure is not an unhandled one.
      adding.catch(() => undefined);
      count += page.length;
      em.clear();
      after = page.at(-1)?.id;
      if (page.length < PAGE) break;
    }
    await adding;
    return count;
  }

  private track(work: Promise<unknown>): void {
    const running = work.finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  /**
   * A page at a time, not a job at a time: the jobs the rows call for are looked up together and the
   * missing ones added in one bulk (100,000 pending deadlines took over a minute one round trip at a time).
   */
  private async derive(
    deadlines: readonly Deadline[],
    reminders: readonly DeadlineReminder[],
    lost = false,
  ): Promise<void> {
    const wanted: WantedJob[] = [];
    const unwanted: string[] = [];
    for (const deadline of deadlines) {
      const own = reminders.filter((r) => r.deadlineId === deadline.id);
      const unsent = deadline.state === 'pending' ? own.filter((r) => r.sentAt === null) : [];
      if (deadline.state === 'pending') {
        wanted.push({
          jobId: dueJobId(deadline.id),
          name: 'due',
          data: { deadlineId: deadline.id, on: deadline.dueOn },
          at: fallsDueAt(deadline.dueOn),
        });
        for (const r of unsent) {
          wanted.push({
            jobId: reminderJobId(deadline.id, r.daysBefore),
            name: 'remind',
            data: { deadlineId: deadline.id, daysBefore: r.daysBefore, on: r.remindOn },
            at: startOfShanghaiDay(r.remindOn),
          });
        }
      } else {
        unwanted.push(dueJobId(deadline.id));
      }
      // Reminders sent, dropped by a recomputation, or of a deadline that is no longer pending.
      for (const days of deadline.reminderDaysBefore) {
        if (!unsent.some((r) => r.daysBefore === days)) unwanted.push(reminderJobId(deadline.id, days));
      }
    }
    await Promise.all(unwanted.map((jobId) => this.queue.remove(jobId)));
    await this.ensure(wanted, lost);
  }

  /** Adds each job unless it is there for the same date; a job for another date is replaced. */
  private async ensure(wanted: readonly WantedJob[], lost: boolean): Promise<void> {
    const existing = lost ? [] : await Promise.all(wanted.map((job) => this.queue.getJob(job.jobId)));
    const missing = await Promise.all(
      wanted.map(async (job, index) => {
        const found = existing[index];
        if (found === undefined) return job;
        if (found.data.on === job.data.on) return undefined;
        // A job being processed cannot be removed; it then finds nothing to do, and the sweep takes over.
        return (await this.queue.remove(job.jobId)) === 0 ? undefined : job;
      }),
    );
    const now = this.clock.now().getTime();
    const jobs = missing.filter((job): job is WantedJob => job !== undefined);
    if (jobs.length === 0) return;
    await this.queue.addBulk(
      jobs.map((job) => ({
        name: job.name,
        data: job.data,
        opts: { jobId: job.jobId, delay: Math.max(0, job.at.getTime() - now) },
      })),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearInterval(this.lossCheck);
    await settlesWithin(this.idle());
  }

  // The queue does not close a connection it was given.
  async onApplicationShutdown(): Promise<void> {
    await settlesWithin(this.queue.close());
    this.redis.disconnect();
  }
}
