import { headers as natsHeaders, connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';

import { CalendarYearPublished, createEvent, eventSubject } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { HealthService } from '@tic/platform';
import {
  createTestDatabase,
  eventually,
  readAllEvents,
  startNatsServer,
  type TestDatabase,
  type TestNatsServer,
} from '@tic/testing';

import {
  CalendarService,
  Deadline,
  DeadlineReminder,
  dueJobId,
  fallsDueAt,
  ManualClock,
  RedisHealthCheck,
  reminderJobId,
} from '../src';
import { createTables, deleteRedisKeys, startService, type ServiceUnderTest } from './deadlines-service';

const REDIS_URL = 'redis://127.0.0.1:6379';

jest.setTimeout(60_000);

describe('deadlines of a service (real Postgres, NATS JetStream and Redis)', () => {
  const prefix = `tic-test-${randomUUID().slice(0, 8)}`;
  const clock = new ManualClock('2026-03-02');
  const fired: Deadline[] = [];
  let db: TestDatabase;
  let nats: TestNatsServer;
  let service: ServiceUnderTest;

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('deadlines'), startNatsServer()]);
    await createTables(db.url);
    service = await startService({ databaseUrl: db.url, natsUrl: nats.url, redisUrl: REDIS_URL, prefix, clock });
    for (const kind of ['D-director-filing', 'D-public-notice'] as const) {
      service.deadlines.onFire(kind, (_em, deadline) => {
        fired.push(deadline);
        return Promise.resolve();
      });
    }
  }, 60_000);

  afterAll(async () => {
    await service?.app.close();
    await nats?.stop();
    await db?.drop();
    await deleteRedisKeys(REDIS_URL, prefix);
  });

  const row = (id: string) => service.orm.em.fork().findOneOrFail(Deadline, id);
  const published = async (deadlineId: string) =>
    (await readAllEvents(nats.url)).filter((e) => e.subject === deadlineId);

  it('A15: fires a passed deadline once however many triggers arrive, and says so on tic.deadline.overdue', async () => {
    clock.set('2026-03-02');
    const centerId = randomUUID();
    const deadline = await service.schedule({
      kind: 'D-director-filing',
      subjectId: randomUUID(),
      centerId,
      start: '2026-03-02',
      // Firing once is the point here: the sweep would otherwise race the fires to send the passed
      // reminders first (their own spec covers them), and the counts below would depend on who won.
      reminderDaysBefore: [],
    });
    expect(deadline).toMatchObject({ dueOn: '2026-04-14', provisional: false });
    await eventually(async () => {
      expect((await service.jobs.queue.getJob(dueJobId(deadline.id)))?.data).toEqual({
        deadlineId: deadline.id,
        on: '2026-04-14',
      });
    });

    clock.set('2026-04-14');
    expect(await service.deadlines.fire(deadline.id)).toBe(false); // the last allowed day is not over

    clock.set(fallsDueAt('2026-04-14'));
    const [sweep, ...fires] = await Promise.all([
      service.deadlines.sweep(),
      ...Array.from({ length: 5 }, () => service.deadlines.fire(deadline.id)),
    ]);
    expect(fires.filter(Boolean).length + sweep.fired).toBe(1);

    expect(await row(deadline.id)).toMatchObject({ state: 'fired', version: 2, eventVersion: 1 });
    expect(fired.filter((d) => d.id === deadline.id)).toHaveLength(1);
    expect((await service.eventsOf(deadline.id)).map((e) => e.type)).toEqual(['tic.deadline.overdue']);
    const events = await eventually(async () => {
      const found = await published(deadline.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(events[0]).toMatchObject({
      type: 'tic.deadline.overdue',
      source: '/tic/evaluations',
      aggregateversion: 1, // its first event: deadlines number their events apart from the row version
      data: {
        deadlineId: deadline.id,
        kind: 'D-director-filing',
        article: '第十五条',
        centerId,
        dueOn: '2026-04-14',
        provisional: false,
      },
    });
    await eventually(async () => {
      expect(await service.jobs.queue.getJob(dueJobId(deadline.id))).toBeUndefined();
    });
  });

  it('sends a reminder once, naming how many days are left', async () => {
    clock.set('2026-05-04');
    const deadline = await service.schedule({
      kind: 'D-change-filing',
      subjectId: randomUUID(),
      start: '2026-05-06',
      reminderDaysBefore: [3],
    });
    expect(deadline.dueOn).toBe('2026-06-16');
    await eventually(async () => {
      expect((await service.jobs.queue.getJob(reminderJobId(deadline.id, 3)))?.data.on).toBe('2026-06-13');
    });
    expect(await service.deadlines.remind(deadline.id, 3)).toBe(false);

    clock.set('2026-06-13');
    await Promise.all([
      service.deadlines.remind(deadline.id, 3),
      service.deadlines.remind(deadline.id, 3),
      service.deadlines.sweep(),
    ]);

    expect((await service.eventsOf(deadline.id)).map((e) => e.type)).toEqual(['tic.deadline.reminder']);
    const [event] = await eventually(async () => {
      const found = await published(deadline.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(event).toMatchObject({
      aggregateversion: 1,
      data: { deadlineId: deadline.id, kind: 'D-change-filing', daysBefore: 3, dueOn: '2026-06-16' },
    });
    expect(event?.data).not.toHaveProperty('centerId');
    expect(await row(deadline.id)).toMatchObject({ state: 'pending' });
  });

  it('reports Redis in the service health', async () => {
    const health = await service.app.get(HealthService).health();
    expect(health.dependencies).toMatchObject({ redis: { status: 'up' }, postgres: { status: 'up' } });
    const unreachable = new RedisHealthCheck('redis://127.0.0.1:1');
    await expect(unreachable.check()).rejects.toThrow();
    unreachable.onApplicationShutdown();
  });

  it('A13(4): ends a public notice through its handler, without an overdue event', async () => {
    clock.set('2026-06-01');
    const deadline = await service.schedule({ kind: 'D-public-notice', subjectId: randomUUID(), start: '2026-06-01' });
    // Five working days counting the first: published Monday 1 June, the notice's last day is Friday 5 June.
    expect(deadline.dueOn).toBe('2026-06-05');
    clock.set('2026-06-06');
    expect(await service.deadlines.fire(deadline.id)).toBe(true);
    expect(fired.filter((d) => d.id === deadline.id)).toEqual([
      expect.objectContaining({ kind: 'D-public-notice', state: 'fired' }),
    ]);
    expect(await service.eventsOf(deadline.id)).toEqual([]);
  });

  it('does not fire a deadline its owner completed or cancelled', async () => {
    clock.set('2026-07-01');
    const done = await service.schedule({ kind: 'D-director-filing', subjectId: randomUUID(), start: '2026-07-01' });
    const dropped = await service.schedule({ kind: 'D-director-filing', subjectId: randomUUID(), start: '2026-07-01' });
    const em = service.orm.em.fork();
    expect(await em.transactional((tx) => service.deadlines.complete(tx, done.id))).toBe(true);
    expect(await em.transactional((tx) => service.deadlines.complete(tx, done.id))).toBe(false);
    expect(await em.transactional((tx) => service.deadlines.cancel(tx, dropped.id))).toBe(true);

    clock.set(addDays(done.dueOn, 1));
    await service.deadlines.sweep();
    expect(await service.deadlines.fire(done.id)).toBe(false);
    expect(await row(done.id)).toMatchObject({ state: 'completed' });
    expect(await row(dropped.id)).toMatchObject({ state: 'cancelled' });
    expect([...(await service.eventsOf(done.id)), ...(await service.eventsOf(dropped.id))]).toEqual([]);
    await eventually(async () => {
      expect(await service.jobs.queue.getJob(dueJobId(done.id))).toBeUndefined();
    });
  });

  it('keeps a deadline that reaches 2027 provisional, and makes it final once the 2027 schedule is published', async () => {
    clock.set('2026-11-28');
    const deadline = await service.schedule({
      kind: 'D-director-filing',
      subjectId: randomUUID(),
      start: '2026-11-28',
      length: { workingDays: 30 },
    });
    expect(deadline).toMatchObject({ dueOn: '2027-01-08', provisional: true }); // 2027 counted Monday to Friday

    // A made-up 2027 schedule, published by the applications service as dst_admin loads it.
    const schedule = { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] };
    const event = createEvent(CalendarYearPublished, {
      id: randomUUID(),
      subject: randomUUID(),
      time: new Date().toISOString(),
      aggregateVersion: 1,
      data: { ...schedule, actor: { userId: 'u-1', name: '科技厅管理员', role: 'dst_admin' } },
    });
    const nc = await connect({ servers: nats.url });
    await jetstream(nc).publish(eventSubject(event.type), JSON.stringify(event), {
      msgID: event.id,
      headers: natsHeaders(),
    });
    await nc.close();

    await eventually(async () => {
      expect(await row(deadline.id)).toMatchObject({ dueOn: '2027-01-11', provisional: false, version: 2 });
    });
    const reminders = await service.orm.em
      .fork()
      .find(DeadlineReminder, { deadlineId: deadline.id }, { orderBy: { daysBefore: 'desc' } });
    expect(reminders.map((r) => [r.daysBefore, r.remindOn])).toEqual([
      [7, '2027-01-04'],
      [1, '2027-01-10'],
    ]);
    expect(service.app.get(CalendarService).current.isPublished(2027)).toBe(true);
    await eventually(async () => {
      expect((await service.jobs.queue.getJob(dueJobId(deadline.id)))?.data.on).toBe('2027-01-11');
    });

    // The same schedule again (another event, or a redelivery) changes nothing.
    const again = await service.orm.em.fork().transactional((em) => service.deadlines.applyCalendarYear(em, schedule));
    expect(again).toEqual({ changed: false, recomputed: 0, moved: [] });
    expect(await row(deadline.id)).toMatchObject({ version: 2 });
  });
});
