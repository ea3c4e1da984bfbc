import { MikroORM } from '@mikro-orm/postgresql';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';

import { PLATFORM_CONFIG } from '@tic/platform';

import type { NotificationsConfig } from '../config';
import { resolvesPrivately } from './receiver-address';
import { recordAttempt } from './webhook-attempt.recorder';
import { claimDueDeliveries, type ClaimedDelivery } from './webhook-delivery.store';
import { WebhookMetrics } from './webhook-metrics';
import { type AttemptOutcome, sendWebhook } from './webhook-sender';

// One claim reads an index range and joins the feed: worth it for a batch, not for every finished delivery.
const CLAIM_GATHER_MS = 20;

/**
 * Sends the deliveries the feed owes, outside any transaction of the feed: a loop that leases due
 * deliveries (as many as it has free slots), sends each on its own, and records each attempt in a short
 * transaction of its own. A slow receiver holds a slot until its timeout, never the feed or the others.
 * Safe with several replicas: leases are taken with SKIP LOCKED and expire if an instance dies.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly inFlight = new Set<Promise<void>>();
  private loop: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private kicked = false;

  constructor(
    private readonly orm: MikroORM,
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
    private readonly metrics: WebhookMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.kick();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  private async run(): Promise<void> {
    while (!this.isStopped()) {
      let claimedAll = false;
      try {
        const free = this.config.WEBHOOK_CONCURRENCY - this.inFlight.size;
        if (free > 0) {
          const claimed = await claimDueDeliveries(
            this.orm.em.fork(),
            free,
            this.config.WEBHOOK_SUBSCRIPTION_CONCURRENCY,
            this.config.WEBHOOK_LEASE_MS,
          );
          for (const delivery of claimed) this.start(delivery);
          claimedAll = claimed.length === free;
        }
      } catch (error) {
        if (!this.isStopped()) this.logger.warn(`webhooks: claiming failed: ${describe(error)}`);
      }
      await this.pause(claimedAll ? 0 : this.config.WEBHOOK_POLL_MS);
      // Finished deliveries kick the loop one by one; gathering them for a moment claims in batches.
      if (this.inFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, CLAIM_GATHER_MS));
    }
  }

  private start(delivery: ClaimedDelivery): void {
    const running: Promise<void> = this.deliver(delivery)
      .catch((error: unknown) => {
        this.logger.error(`webhooks: delivery ${delivery.id}: ${describe(error)}`);
      })
      .finally(() => {
        this.inFlight.delete(running);
        // A finished delivery may free the next of its center, or a slot: look again now.
        this.kick();
      });
    this.inFlight.add(running);
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const attemptedAt = new Date();
    const outcome = await this.attempt(delivery, attemptedAt);
    this.metrics.attempted(outcome.delivered);
    await this.orm.em.fork().transactional((em) =>
      recordAttempt(em, delivery, outcome, attemptedAt, {
        baseMs: this.config.WEBHOOK_RETRY_BASE_MS,
        maxMs: this.config.WEBHOOK_RETRY_MAX_MS,
        giveUpAfterMs: this.config.WEBHOOK_GIVE_UP_AFTER_MS,
      }),
    );
  }

  private async attempt(delivery: ClaimedDelivery, attemptedAt: Date): Promise<AttemptOutcome> {
    const policy = {
      allowHttp: this.config.WEBHOOK_ALLOW_HTTP,
      allowPrivateHosts: this.config.WEBHOOK_ALLOW_PRIVATE_HOSTS,
    };
    try {
      if (await resolvesPrivately(delivery.url, policy))
        return {
          delivered: false,
          statusCode: null,
          durationMs: 0,
          error: 'refused: the host resolves to a private address',
        };
    } catch (error) {
      return { delivered: false, statusCode: null, durationMs: 0, error: `DNS: ${describe(error)}` };
    }
    return sendWebhook(delivery, this.config.WEBHOOK_TIMEOUT_MS, attemptedAt);
  }

  private isStopped(): boolean {
    return this.stopped;
  }

  private kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  /** Waits for the poll interval, or less if a delivery finished (even while the loop was claiming). */
  private pause(ms: number): Promise<void> {
    if (this.kicked) {
      this.kicked = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.kicked = false;
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
