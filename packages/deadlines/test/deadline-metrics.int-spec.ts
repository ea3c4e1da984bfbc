import { randomUUID } from 'node:crypto';

import { dashboardFamiliesMissingFrom, scrapeMetrics } from '@tic/platform/testing';
import { createTestDatabase, eventually, startNatsServer, type TestDatabase, type TestNatsServer } from '@tic/testing';

import { fallsDueAt, ManualClock } from '../src';
import { createTables, deleteRedisKeys, startService, type ServiceUnderTest } from './deadlines-service';

const REDIS_URL = 'redis://127.0.0.1:6379';
const LATE_BY_SECONDS = 90 * 60;

jest.setTimeout(60_000);

describe('deadline metrics at /metrics (real Postgres, NATS JetStream and Redis)', () => {
  const prefix = `tic-test-${randomUUID().slice(0, 8)}`;
  const clock = new ManualClock('2026-03-02');
  let db: TestDatabase;
  let nats: TestNatsServer;
  let service: ServiceUnderTest;
  let metricsUrl: string;

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('deadline_metrics'), startNatsServer()]);
    await createTables(db.url);
    service = await startService({ databaseUrl: db.url, natsUrl: nats.url, redisUrl: REDIS_URL, prefix, clock });
    metricsUrl = `${(await service.app.getUrl()).replace('[::1]', '127.0.0.1')}/metrics`;
  }, 60_000);

  afterAll(async () => {
    await service?.app.close();
    await nats?.stop();
    await db?.drop();
    await deleteRedisKeys(REDIS_URL, prefix);
  });

  it('counts pending deadlines, those past due, and observes how late one fired', async () => {
    clock.set('2026-03-02');
    const kind = { service: 'evaluations', kind: 'D-director-filing' };
    const deadline = await service.schedule({
      kind: 'D-director-filing',
      subjectId: randomUUID(),
      start: '2026-03-02',
      reminderDaysBefore: [],
    });
    let metrics = await scrapeMetrics(metricsUrl);
    expect(metrics.sum('tic_deadlines_pending', kind)).toBe(1);
    expect(metrics.sum('tic_deadlines_pending_past_due', kind)).toBe(0);

    // Ninety minutes after the due date passed, nothing has fired it yet (no sweep timer in this service).
    clock.set(new Date(fallsDueAt(deadline.dueOn).getTime() + LATE_BY_SECONDS * 1000));
    await eventually(async () => {
      expect((await scrapeMetrics(metricsUrl)).sum('tic_deadlines_pending_past_due', kind)).toBe(1);
    });

    expect(await service.deadlines.fire(deadline.id)).toBe(true);
    metrics = await eventually(async () => {
      const scraped = await scrapeMetrics(metricsUrl);
      expect(scraped.sum('tic_deadlines_pending', kind)).toBe(0);
      return scraped;
    });
    expect(metrics.sum('tic_deadline_firing_lateness_seconds_count', kind)).toBe(1);
    expect(metrics.sum('tic_deadline_firing_lateness_seconds_sum', kind)).toBe(LATE_BY_SECONDS);
    expect(metrics.sum('tic_deadline_firing_lateness_seconds_bucket', { ...kind, le: '3600' })).toBe(0);
    expect(metrics.sum('tic_deadline_firing_lateness_seconds_bucket', { ...kind, le: '14400' })).toBe(1);
    expect(metrics.sum('tic_deadlines_pending', kind)).toBe(0);
    expect(metrics.sum('tic_deadlines_pending_past_due', kind)).toBe(0);
    expect(dashboardFamiliesMissingFrom(metrics, ['tic_deadline'])).toEqual([]);
  });
});
