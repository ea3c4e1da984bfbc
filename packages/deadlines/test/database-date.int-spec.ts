import { randomUUID } from 'node:crypto';

import { addDays } from '@tic/domain';
import { createTestDatabase, eventually, startNatsServer, type TestDatabase, type TestNatsServer } from '@tic/testing';

import { Clock, Deadline, DeadlineReminder, dueJobId, ShiftedClock } from '../src';
import { createTables, deleteRedisKeys, startService, type ServiceUnderTest } from './deadlines-service';

const REDIS_URL = 'redis://127.0.0.1:6379';
const MS_PER_DAY = 86_400_000;

jest.setTimeout(60_000);

/** A replica's system clock that is off by whole days (a broken NTP): a production clock, not a test one. */
class SkewedSystemClock extends Clock {
  constructor(private readonly days: number) {
    super();
  }

  now(): Date {
    return new Date(Date.now() + this.days * MS_PER_DAY);
  }
}

describe('whether a deadline is due is decided on the database’s date in Asia/Shanghai (real Postgres, NATS and Redis)', () => {
  const prefixes: string[] = [];
  const services: ServiceUnderTest[] = [];
  let db: TestDatabase;
  let nats: TestNatsServer;
  let dbToday: string;

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('deadlines_db_date'), startNatsServer()]);
    await createTables(db.url);
  }, 60_000);

  afterAll(async () => {
    for (const service of services) await service.app.close();
    await nats?.stop();
    await db?.drop();
    for (const prefix of prefixes) await deleteRedisKeys(REDIS_URL, prefix);
  });

  const replica = async (clock: Clock): Promise<ServiceUnderTest> => {
    const prefix = `tic-test-${randomUUID().slice(0, 8)}`;
    prefixes.push(prefix);
    const service = await startService({ databaseUrl: db.url, natsUrl: nats.url, redisUrl: REDIS_URL, prefix, clock });
    services.push(service);
    if (dbToday === undefined) {
      const [row] = await service.orm.em
        .fork()
        .execute<{ today: string }[]>(`select (now() at time zone 'Asia/Shanghai')::date::text as today`);
      dbToday = row!.today;
    }
    return service;
  };

  it('a replica whose clock runs 40 days ahead fires nothing the database date says is not due', async () => {
    const ahead = await replica(new SkewedSystemClock(40));
    expect(new SkewedSystemClock(40).today() > addDays(dbToday, 30)).toBe(true);
    const deadline = await ahead.schedule({
      kind: 'D-change-filing',
      subjectId: randomUUID(),
      start: dbToday,
      length: { days: 10 },
      reminderDaysBefore: [3],
    });
    expect(deadline.dueOn >= addDays(dbToday, 10) && deadline.dueOn < addDays(dbToday, 30)).toBe(true);

    // By its own clock the reminder's day is gone; on the database's it is still to come.
    const em = ahead.orm.em.fork();
    expect(await em.find(DeadlineReminder, { deadlineId: deadline.id })).toEqual([
      expect.objectContaining({ daysBefore: 3, remindOn: addDays(deadline.dueOn, -3), sentAt: null }),
    ]);

    expect(await ahead.deadlines.fire(deadline.id)).toBe(false);
    expect(await ahead.deadlines.remind(deadline.id, 3)).toBe(false);
    expect(await ahead.deadlines.sweep()).toEqual({ fired: 0, reminded: 0 });
    // Its job, due at once by the skewed clock, ran and found nothing due.
    await eventually(async () => {
      expect(await ahead.jobs.queue.getJob(dueJobId(deadline.id))).toBeUndefined();
    });
    expect(await em.findOneOrFail(Deadline, deadline.id, { refresh: true })).toMatchObject({
      state: 'pending',
      eventVersion: 0,
    });
    expect(await ahead.eventsOf(deadline.id)).toEqual([]);
  });

  it('a replica whose clock runs 40 days behind fires what the database date says is due', async () => {
    const behind = await replica(new SkewedSystemClock(-40));
    const deadline = await behind.schedule({
      kind: 'D-change-filing',
      subjectId: randomUUID(),
      start: addDays(dbToday, -30),
      length: { days: 10 },
    });
    expect(deadline.dueOn < dbToday && deadline.dueOn >= new SkewedSystemClock(-40).today()).toBe(true); // not due by its own clock
    expect(await behind.deadlines.fire(deadline.id)).toBe(true);
    expect((await behind.eventsOf(deadline.id)).map((e) => [e.type, e.aggregateVersion])).toEqual([
      ['tic.deadline.overdue', 1],
    ]);
  });

  it('a ShiftedClock (CLOCK_OFFSET_DAYS of end-to-end runs) moves the database date by its days', async () => {
    const shifted = await replica(new ShiftedClock(60));
    const deadline = await shifted.schedule({
      kind: 'D-change-filing',
      subjectId: randomUUID(),
      start: dbToday,
      length: { days: 10 },
    });
    await Promise.all([shifted.deadlines.fire(deadline.id), shifted.deadlines.sweep()]);
    await eventually(async () => {
      expect(await shifted.jobs.queue.getJob(dueJobId(deadline.id))).toBeUndefined();
    });
    expect((await shifted.eventsOf(deadline.id)).map((e) => e.type)).toEqual(['tic.deadline.overdue']);
  });
});
