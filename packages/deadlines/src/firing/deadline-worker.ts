import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Worker, type Job } from 'bullmq';

import { newCorrelationId, runInCallContext } from '@tic/platform';

import { DEADLINES_SETTINGS, type DeadlinesSettings } from '../deadlines-settings';
import { settlesWithin } from '../jobs/bounded-shutdown';
import type { DeadlineJobData, DeadlineJobName } from '../jobs/deadline-job';
import { DeadlineJobs } from '../jobs/deadline-jobs';
import { redisConnection } from '../jobs/redis-connection';
import { DeadlineFiring } from './deadline-firing';

/** Runs the due and reminder jobs of the service's queue: each is one fire() or remind() in its own transaction. */
@Injectable()
export class DeadlineWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineWorker.name);
  private worker?: Worker<DeadlineJobData, boolean, DeadlineJobName>;

  constructor(
    @Inject(DEADLINES_SETTINGS) private readonly settings: DeadlinesSettings,
    private readonly firing: DeadlineFiring,
    private readonly jobs: DeadlineJobs,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<DeadlineJobData, boolean, DeadlineJobName>(
      this.settings.queueName,
      (job) => this.process(job),
      {
        connection: redisConnection(this.settings.redisUrl, 'worker'),
        prefix: this.settings.prefix,
        concurrency: this.settings.concurrency,
      },
    );
    this.worker.on('error', (error) => {
      if (!this.jobs.redisReady) return; // an outage: DeadlineJobs reports it once, not every attempt
      this.logger.warn(`worker ${this.settings.queueName}: ${error.message}`);
    });
    this.worker.on('failed', (job, error) => {
      this.logger.warn(`job ${job?.id ?? '?'} failed: ${error.message}`);
    });
  }

  private process(job: Job<DeadlineJobData, boolean, DeadlineJobName>): Promise<boolean> {
    const { deadlineId, daysBefore } = job.data;
    return runInCallContext({ correlationId: newCorrelationId() }, () => {
      switch (job.name) {
        case 'due':
          return this.firing.fire(deadlineId);
        case 'remind':
          if (daysBefore === undefined) throw new Error(`reminder job ${job.id ?? '?'} has no daysBefore`);
          return this.firing.remind(deadlineId, daysBefore);
      }
    });
  }

  // close() lets the jobs in progress finish before it resolves. Without Redis it would wait for
  // Redis forever, and no job can finish anyway: then it closes at once, and a firing cut short rolls
  // back and is the sweep's again.
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.worker) return;
    // Redis may go while the close waits on it (it was up when asked): then the connection is cut.
    if (!(await settlesWithin(this.worker.close(!this.jobs.redisReady)))) await settlesWithin(this.worker.disconnect());
  }
}
