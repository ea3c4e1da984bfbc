import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';

import { SERVICE_IDENTITY, type ServiceIdentity } from '../platform-config';
import { OwnedMetrics, sharedRead } from './metric-registry';

export const OUTBOX_METRIC_NAMES = {
  unpublished: 'tic_outbox_unpublished_events',
  oldestAge: 'tic_outbox_oldest_unpublished_age_seconds',
  failed: 'tic_outbox_failed_events',
} as const;

interface OutboxBacklog {
  readonly unpublished: number;
  readonly oldestAgeSeconds: number;
  readonly failed: number;
}

// Gauges read by the same scrape share one query.
const FRESH_FOR_MS = 1000;

/**
 * The outbox lag, read when Prometheus scrapes: how many committed events the relay has not published
 * and how long the oldest has waited. Unpublished rows are
 * few and indexed on (published_at, seq), so the read stays cheap however long the journal grows.
 */
@Injectable()
export class OutboxMetrics implements OnModuleDestroy {
  private readonly metrics = new OwnedMetrics();
  private readonly backlog: () => Promise<OutboxBacklog | undefined>;

  constructor(
    private readonly orm: MikroORM,
    @Inject(SERVICE_IDENTITY) identity: ServiceIdentity,
  ) {
    const service = identity.service;
    const table = `"${service}"."outbox_event"`;
    this.backlog = sharedRead(FRESH_FOR_MS, () => this.read(table));
    const labels = { service };
    const gauge = (name: string, help: string, pick: (backlog: OutboxBacklog) => number) =>
      this.metrics.gaugeOnScrape({
        name,
        help,
        labelNames: ['service'],
        read: this.backlog,
        samples: (backlog) => [[labels, pick(backlog)] as const],
      });
    gauge(OUTBOX_METRIC_NAMES.unpublished, 'Committed events the relay has not published yet', (b) => b.unpublished);
    gauge(
      OUTBOX_METRIC_NAMES.oldestAge,
      'Age in seconds of the oldest committed event not yet published (0 when none): the outbox lag',
      (b) => b.oldestAgeSeconds,
    );
    gauge(
      OUTBOX_METRIC_NAMES.failed,
      'Events the relay gave up on (JetStream refused them); their aggregates wait until an operator releases them',
      (b) => b.failed,
    );
  }

  private async read(table: string): Promise<OutboxBacklog> {
    const [row] = await this.orm.em.fork().execute<{ unpublished: number; oldest: Date | null; failed: number }[]>(
      `select count(*)::int as unpublished, min(created_at) as oldest,
              (count(*) filter (where failed_at is not null))::int as failed
         from ${table} where published_at is null`,
    );
    // By the service's clock, which wrote created_at (as the journal's backlog does).
    const oldest = row?.oldest ? new Date(row.oldest).getTime() : undefined;
    return {
      unpublished: row?.unpublished ?? 0,
      oldestAgeSeconds: oldest === undefined ? 0 : Math.max(0, (Date.now() - oldest) / 1000),
      failed: row?.failed ?? 0,
    };
  }

  onModuleDestroy(): void {
    this.metrics.removeAll();
  }
}
