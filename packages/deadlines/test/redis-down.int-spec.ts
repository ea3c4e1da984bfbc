import { randomUUID } from 'node:crypto';

import { HealthService } from '@tic/platform';
import {
  createTestDatabase,
  eventually,
  startNatsServer,
  startRedisServer,
  type TestDatabase,
  type TestNatsServer,
  type TestRedisServer,
} from '@tic/testing';

import { Deadline, dueJobId, fallsDueAt, ManualClock, reminderJobId } from '../src';
import { createTables, startService, type ServiceUnderTest } from './deadlines-service';

jest.setTimeout(60_000);

// A private Redis the test stops and starts; it keeps nothing on disk, like the deployment's.
describe('a service whose Redis is down when it starts (real Postgres, NATS JetStream and a private Redis)', () => {
  const prefix = `tic-test-${randomUUID().slice(0, 8)}`;
  const clock = new ManualClock('2026-03-02');
  let db: TestDatabase;
  let nats: TestNatsServer;
  let redis: TestRedisServer;
  let service: ServiceUnderTest | undefined;

  beforeAll(async () => {
    [db, nats, redis] = await Promise.all([
      createTestDatabase('deadlines_redis_down'),
      startNatsServer(),
      startRedisServer({ running: false }),
    ]);
    await createTables(db.url);
  }, 60_000);

  afterAll(async () => {
    await service?.app.close();
    await redis?.close();
    await nats?.stop();
    await db?.drop();
  });

  const svc = () => service!;
  const row = (id: string) => svc().orm.em.fork().findOneOrFail(Deadline, id);
  const events = async (id: string) => (await svc().eventsOf(id)).map((e) => `${e.type}@${e.aggregateVersion}`);
  const job = (id: string) => svc().jobs.queue.getJob(id);
  const redisStatus = async () => (await svc().app.get(HealthService).health()).dependencies.redis?.status;

  it('becomes ready, fires from Postgres meanwhile, and gets its jobs when Redis comes, without a restart', async () => {
    service = await startService({ databaseUrl: db.url, natsUrl: nats.url, redisUrl: redis.url, prefix, clock });
    const health = await svc().app.get(HealthService).health();
    expect(health.dependencies).toMatchObject({
      postgres: { status: 'up' },
      nats: { status: 'up' },
      redis: { status: 'down' },
    });

    const early = await svc().schedule({ kind: 'D-director-filing', subjectId: randomUUID(), start: '2026-03-02' });
    const later = await svc().schedule({ kind: 'D-director-filing', subjectId: randomUUID(), start: '2026-04-01' });
    expect([early.dueOn, later.dueOn]).toEqual(['2026-04-14', '2026-05-18']);

    // Redis still down: the sweep sends the reminder and fires the deadline from Postgres alone.
    clock.set('2026-04-07');
    expect(await svc().deadlines.sweep()).toEqual({ fired: 0, reminded: 1 });
    clock.set(fallsDueAt('2026-04-14'));
    expect(await svc().deadlines.sweep()).toEqual({ fired: 1, reminded: 0 });
    expect(await row(early.id)).toMatchObject({ state: 'fired' });
    expect(await events(early.id)).toEqual(['tic.deadline.reminder@1', 'tic.deadline.overdue@2']);

    await redis.start();
    await eventually(async () => {
      expect(await redisStatus()).toBe('up');
    });
    // The pending deadline's jobs are derived again from its row; the fired one gets none.
    const due = await eventually(async () => {
      const found = await job(dueJobId(later.id));
      expect(found?.data).toEqual({ deadlineId: later.id, on: '2026-05-18' });
      return found!;
    });
    // The jobs of one deadline are added one after another: its reminder may land a moment after its due job.
    await eventually(async () => {
      expect((await job(reminderJobId(later.id, 7)))?.data.on).toBe('2026-05-11');
    });
    expect(await job(dueJobId(early.id))).toBeUndefined();

    // The worker, started while Redis was away, runs it.
    clock.set(fallsDueAt('2026-05-18'));
    await due.promote();
    await eventually(async () => {
      expect(await row(later.id)).toMatchObject({ state: 'fired' });
    });
    expect(await svc().deadlines.sweep()).toEqual({ fired: 0, reminded: 0 });
    expect(await events(later.id)).toEqual(['tic.deadline.overdue@1']);
    expect(await events(early.id)).toEqual(['tic.deadline.reminder@1', 'tic.deadline.overdue@2']);
  });

  it('derives the jobs again when a running service sees Redis come back empty', async () => {
    clock.set('2026-06-01');
    const pending = await svc().schedule({ kind: 'D-director-filing', subjectId: randomUUID(), start: '2026-06-01' });
    await eventually(async () => {
      expect(await job(dueJobId(pending.id))).toBeDefined();
    });

    await redis.stop();
    await eventually(async () => {
      expect(await redisStatus()).toBe('down');
    });
    await redis.start(); // empty: it keeps nothing on disk
    const back = await eventually(async () => {
      const found = await job(dueJobId(pending.id));
      expect(found?.data.on).toBe(pending.dueOn);
      return found!;
    });

    // Job and sweep both try: one overdue event.
    clock.set(fallsDueAt(pending.dueOn));
    await back.promote();
    await Promise.all([svc().deadlines.sweep(), svc().deadlines.fire(pending.id)]);
    await eventually(async () => {
      expect(await job(dueJobId(pending.id))).toBeUndefined();
    });
    expect(await events(pending.id)).toEqual(['tic.deadline.overdue@1']);
  });

  it('shuts down while Redis is away', async () => {
    await redis.stop();
    // Once the service has seen Redis go (a loaded machine may take a moment to notice the closed socket).
    await eventually(async () => {
      expect(await redisStatus()).toBe('down');
    });
    await svc().app.close();
    service = undefined;
  });
});
