import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Counter } from 'prom-client';

import { OwnedMetrics, sharedRead } from '@tic/platform';

import { DELIVERY_TABLE } from './webhook-delivery.listener';

export const WEBHOOK_METRIC_NAMES = {
  pending: 'tic_webhook_deliveries_pending',
  due: 'tic_webhook_deliveries_due',
  oldestAge: 'tic_webhook_oldest_pending_age_seconds',
  attempts: 'tic_webhook_attempts_total',
} as const;

interface WebhookBacklog {
  readonly pending: number;
  readonly due: number;
  readonly oldestAgeSeconds: number;
}

const SERVICE = 'notifications';
const FRESH_FOR_MS = 1000;

/**
 * The webhook backlog, read when Prometheus scrapes (deliveries owed, those due now, the age of the
 * oldest owed), and every attempt's outcome. No subscription or receiver in the labels: they are ids,
 * unbounded; GET /webhook-subscriptions/{id}/deliveries tells which one is failing.
 */
@Injectable()
export class WebhookMetrics implements OnModuleDestroy {
  private readonly metrics = new OwnedMetrics();
  private readonly attempts: Counter<'service' | 'outcome'>;

  constructor(private readonly orm: MikroORM) {
    const backlog = sharedRead(FRESH_FOR_MS, () => this.readBacklog());
    const gauge = (name: string, help: string, pick: (b: WebhookBacklog) => number) =>
      this.metrics.gaugeOnScrape({
        name,
        help,
        labelNames: ['service'],
        read: backlog,
        samples: (read) => [[{ service: SERVICE }, pick(read)] as const],
      });
    gauge(
      WEBHOOK_METRIC_NAMES.pending,
      'Webhook deliveries owed to receivers (not delivered, not given up)',
      (b) => b.pending,
    );
    gauge(
      WEBHOOK_METRIC_NAMES.due,
      'Webhook deliveries owed whose next attempt is due now: a backlog the dispatcher has not caught up with',
      (b) => b.due,
    );
    gauge(
      WEBHOOK_METRIC_NAMES.oldestAge,
      'Age in seconds of the oldest webhook delivery still owed (0 when none)',
      (b) => b.oldestAgeSeconds,
    );
    this.attempts = this.metrics.create(
      WEBHOOK_METRIC_NAMES.attempts,
      () =>
        new Counter({
          name: WEBHOOK_METRIC_NAMES.attempts,
          help: 'Webhook delivery attempts by outcome: delivered (2xx), failed (any other answer, timeout, refused address)',
          labelNames: ['service', 'outcome'] as const,
        }),
    );
  }

  attempted(delivered: boolean): void {
    this.attempts.inc({ service: SERVICE, outcome: delivered ? 'delivered' : 'failed' });
  }

  private async readBacklog(): Promise<WebhookBacklog> {
    // The partial indexes on pending deliveries keep this to the backlog, however many were delivered.
    const [row] = await this.orm.em.fork().execute<{ pending: number; due: number; oldest: Date | null }[]>(
      `select count(*)::int as pending, (count(*) filter (where next_attempt_at <= now()))::int as due,
              min(created_at) as oldest
         from ${DELIVERY_TABLE} where status = 'pending'`,
    );
    const oldest = row?.oldest ? new Date(row.oldest).getTime() : undefined;
    return {
      pending: row?.pending ?? 0,
      due: row?.due ?? 0,
      oldestAgeSeconds: oldest === undefined ? 0 : Math.max(0, (Date.now() - oldest) / 1000),
    };
  }

  onModuleDestroy(): void {
    this.metrics.removeAll();
  }
}
