import { randomUUID } from 'node:crypto';

import { createTestDatabase, startNatsServer, type TestDatabase, type TestNatsServer } from '@tic/testing';

import { Deadline, DeadlineReminder, fallsDueAt, ManualClock, seedDeadlineEventVersionsSql } from '../src';
import { createTables, deleteRedisKeys, startService, type ServiceUnderTest } from './deadlines-service';

const REDIS_URL = 'redis://127.0.0.1:6379';

jest.setTimeout(60_000);

describe('the aggregateversions of a deadline’s events (real Postgres, NATS and Redis)', () => {
  const prefix = `tic-test-${randomUUID().slice(0, 8)}`;
  const clock = new ManualClock('2026-11-28');
  let db: TestDatabase;
  let nats: TestNatsServer;
  let service: ServiceUnderTest;

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('deadlines_versions'), startNatsServer()]);
    await createTables(db.url);
    service = await startService({ databaseUrl: db.url, natsUrl: nats.url, redisUrl: REDIS_URL, prefix, clock });
  }, 60_000);

  afterAll(async () => {
    await service?.app.close();
    await nats?.stop();
    await db?.drop();
    await deleteRedisKeys(REDIS_URL, prefix);
  });

  const inTransaction = (
    work: (em: Parameters<Parameters<ServiceUnderTest['orm']['em']['transactional']>[0]>[0]) => Promise<unknown>,
  ) => service.orm.em.fork().transactional(work);

  it('are 1, 2, 3… for the reminders then the overdue event, whatever else moved the row', async () => {
    const deadlines = [];
    for (let i = 0; i < 6; i += 1) {
      deadlines.push(
        await service.schedule({
          kind: 'D-change-filing',
          subjectId: randomUUID(),
          start: '2026-11-28',
          reminderDaysBefore: [14, 7, 1],
        }),
      );
    }
    expect(deadlines[0]).toMatchObject({ dueOn: '2027-01-08', provisional: true });
    const ids = deadlines.map((d) => d.id);
    await service.jobs.idle(); // the jobs are derived on the clock of their scheduling, so that only the sweeps send

    clock.set('2026-12-25');
    expect(await service.deadlines.sweep()).toEqual({ fired: 0, reminded: 6 });

    // The 2027 schedule moves them (the row version moves, no event); a completion rolls back.
    await inTransaction((em) =>
      service.deadlines.applyCalendarYear(em, {
        year: 2027,
        holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
        workdays: [],
      }),
    );
    await expect(
      inTransaction(async (em) => {
        expect(await service.deadlines.complete(em, ids[0]!)).toBe(true);
        throw new Error('the owner’s own change failed');
      }),
    ).rejects.toThrow('the owner’s own change failed');
    await service.jobs.idle();
    const moved = await service.orm.em.fork().find(Deadline, { id: { $in: ids } });
    expect(moved.map((d) => [d.dueOn, d.state, d.version, d.eventVersion])).toEqual(
      ids.map(() => ['2027-01-11', 'pending', 3, 1]),
    );

    clock.set('2027-01-04');
    expect(await service.deadlines.sweep()).toEqual({ fired: 0, reminded: 6 });
    clock.set('2027-01-10');
    expect(await service.deadlines.sweep()).toEqual({ fired: 0, reminded: 6 });

    // At the due instant the owner completes or cancels while the deadline fires: one of them wins.
    clock.set(fallsDueAt('2027-01-11'));
    await Promise.all([
      service.deadlines.sweep(),
      ...ids.map((id) => service.deadlines.fire(id)),
      ...ids.slice(0, 3).map((id) => inTransaction((em) => service.deadlines.complete(em, id))),
      ...ids.slice(3).map((id) => inTransaction((em) => service.deadlines.cancel(em, id))),
    ]);

    for (const id of ids) {
      const row = await service.orm.em.fork().findOneOrFail(Deadline, id);
      const events = await service.eventsOf(id);
      const expected = [
        'tic.deadline.reminder',
        'tic.deadline.reminder',
        'tic.deadline.reminder',
        ...(row.state === 'fired' ? ['tic.deadline.overdue'] : []),
      ];
      expect(events.map((e) => e.type)).toEqual(expected);
      expect(events.map((e) => e.aggregateVersion)).toEqual(expected.map((_, i) => i + 1));
      expect(events.map((e) => e.document.aggregateversion)).toEqual(expected.map((_, i) => i + 1));
      expect(events.map((e) => (e.document.data as { daysBefore?: number }).daysBefore)).toEqual(
        [14, 7, 1, undefined].slice(0, expected.length),
      );
      expect(row.eventVersion).toBe(expected.length);
    }
  });

  it('go on from the journal for a deadline scheduled before event_version existed (the apps’ migration)', async () => {
    clock.set('2027-03-01');
    const { id } = await service.schedule({
      kind: 'D-change-filing',
      subjectId: randomUUID(),
      start: '2027-03-01',
      reminderDaysBefore: [14, 7, 1],
    });
    await service.jobs.idle();
    const reminders = await service.orm.em
      .fork()
      .find(DeadlineReminder, { deadlineId: id }, { orderBy: { daysBefore: 'desc' } });
    const remindOn = reminders.map((r) => r.remindOn);
    clock.set(remindOn[0]!);
    await service.deadlines.sweep();
    clock.set(remindOn[1]!);
    await service.deadlines.sweep();
    expect((await service.eventsOf(id)).map((e) => e.aggregateVersion)).toEqual([1, 2]);
    // What the column held after the kit's migration added it to a deadline with a journal.
    await service.orm.em.fork().execute(`update "evaluations"."deadline" set event_version = 0 where id = ?`, [id]);

    await service.orm.em.fork().execute(seedDeadlineEventVersionsSql('evaluations'));
    await service.orm.em.fork().execute(seedDeadlineEventVersionsSql('evaluations')); // twice: a re-run changes nothing
    clock.set(remindOn[2]!);
    await service.deadlines.sweep();

    expect((await service.eventsOf(id)).map((e) => e.aggregateVersion)).toEqual([1, 2, 3]);
    expect((await service.orm.em.fork().findOneOrFail(Deadline, id)).eventVersion).toBe(3);
  });
});
