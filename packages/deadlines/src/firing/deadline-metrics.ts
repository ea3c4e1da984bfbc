import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Histogram } from 'prom-client';

import { OwnedMetrics, sharedRead } from '@tic/platform';

import { Clock } from '../clock/clock';
import { fallsDueAt } from '../clock/shanghai-time';
import { DEADLINES_SETTINGS, type DeadlinesSettings } from '../deadlines-settings';
import { Deadline } from '../entities/deadline.entity';
import { qualifiedTable } from '../entities/qualified-table';

export const DEADLINE_METRIC_NAMES = {
  lateness: 'tic_deadline_firing_lateness_seconds',
  pending: 'tic_deadlines_pending',
  pastDue: 'tic_deadlines_pending_past_due',
} as const;

// A job wakes the service within seconds of the due instant; the sweep (every minute by default)
// within minutes; days mean neither ran (Redis lost the job and the sweep was off, or the service was down).
const LATENESS_BUCKETS = [1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 86_400, 3 * 86_400, 7 * 86_400];
const FRESH_FOR_MS = 1000;

interface PendingByKind {
  readonly kind: string;
  readonly pending: number;
  readonly pastDue: number;
}

/**
 * How punctually deadlines fire (fired-at minus the instant the due date passed, 00:00 Asia/Shanghai
 * the day after it) and how many wait, read from Postgres when Prometheus scrapes. Past due and still
 * pending is what to alert on: neither the job nor the sweep fired it.
 */
@Injectable()
export class DeadlineMetrics implements OnModuleDestroy {
  private readonly metrics = new OwnedMetrics();
  private readonly lateness: Histogram<'service' | 'kind'>;
  private readonly service: string;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    @Inject(DEADLINES_SETTINGS) settings: DeadlinesSettings,
  ) {
    const service = settings.service;
    this.service = service;
    this.lateness = this.metrics.create(
      DEADLINE_METRIC_NAMES.lateness,
      () =>
        new Histogram({
          name: DEADLINE_METRIC_NAMES.lateness,
          help: 'Seconds between the instant a deadline fell due and the moment it fired, by kind',
          labelNames: ['service', 'kind'] as const,
          buckets: LATENESS_BUCKETS,
        }),
    );
    const pending = sharedRead(FRESH_FOR_MS, () => this.readPending());
    const byKind = (name: string, help: string, pick: (row: PendingByKind) => number) =>
      this.metrics.gaugeOnScrape({
        name,
        help,
        labelNames: ['service', 'kind'],
        read: pending,
        samples: (rows) => rows.map((row) => [{ service, kind: row.kind }, pick(row)] as const),
      });
    byKind(
      DEADLINE_METRIC_NAMES.pending,
      'Deadlines scheduled and not yet completed, cancelled or fired',
      (r) => r.pending,
    );
    byKind(
      DEADLINE_METRIC_NAMES.pastDue,
      'Pending deadlines whose due date has passed: the job and the sweep have not fired them yet',
      (r) => r.pastDue,
    );
  }

  /** Records a firing: how long after its due instant the deadline fired. */
  fired(deadline: Pick<Deadline, 'kind' | 'dueOn' | 'firedAt'>): void {
    const firedAt = deadline.firedAt ?? this.clock.now();
    const seconds = Math.max(0, (firedAt.getTime() - fallsDueAt(deadline.dueOn).getTime()) / 1000);
    this.lateness.observe({ service: this.service, kind: deadline.kind }, seconds);
  }

  private async readPending(): Promise<PendingByKind[]> {
    const em = this.orm.em.fork();
    return em.execute<PendingByKind[]>(
      `select kind, count(*)::int as pending, (count(*) filter (where due_on < ?::date))::int as "pastDue"
         from ${qualifiedTable(em, Deadline)} where state = 'pending' group by kind`,
      [this.clock.today()],
    );
  }

  onModuleDestroy(): void {
    this.metrics.removeAll();
  }
}
