import { randomUUID } from 'node:crypto';

import { createTestDatabase, eventually, startNatsServer, type TestDatabase, type TestNatsServer } from '@tic/testing';

import { Deadline, dueJobId, fallsDueAt, ManualClock, reminderJobId } from '../src';
import { createTables, deleteRedisKeys, startService, type ServiceUnderTest } from './deadlines-service';

const REDIS_URL = 'redis://127.0.0.1:6379';

jest.setTimeout(60_000);

describe('two replicas of a service on one database and one queue (real Postgres, NATS and Redis)', () => {
  const prefix = `tic-test-${randomUUID().slice(0, 8)}`;
  const clock = new ManualClock('2026-03-02');
  const handled: string[] = [];
  let db: TestDatabase;
  let nats: TestNatsServer;
  let replicas: ServiceUnderTest[] = [];

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('deadlines_replicas'), startNatsServer()]);
    await createTables(db.url);
    for (let i = 0; i < 2; i += 1) {
      const replica = await startService({
        databaseUrl: db.url,
        natsUrl: nats.url,
        redisUrl: REDIS_URL,
        prefix,
        clock,
      });
      replica.deadlines.onFire('D-change-filing', (_em, deadline) => {
        handled.push(deadline.id);
        return Promise.resolve();
      });
      replicas.push(replica);
    }
  }, 60_000);

  afterAll(async () => {
    for (const replica of replicas) await replica.app.close();
    replicas = [];
    await nats?.stop();
    await db?.drop();
    await deleteRedisKeys(REDIS_URL, prefix);
  });

  // Promotes a delayed job so that one of the two workers runs it now; gone or running already is fine.
  const promote = async (replica: ServiceUnderTest, jobId: string) => {
    await (await replica.jobs.queue.getJob(jobId))?.promote().catch(() => undefined);
  };

  it('send each reminder and fire each deadline once, whatever mix of jobs, sweeps and calls', async () => {
    const [a, b] = replicas as [ServiceUnderTest, ServiceUnderTest];
    const deadlines = [];
    for (let i = 0; i < 16; i += 1) {
      const replica = i % 2 === 0 ? a : b;
      deadlines.push(
        await replica.schedule({
          kind: 'D-change-filing',
          subjectId: randomUUID(),
          start: '2026-03-02',
          reminderDaysBefore: [7],
        }),
      );
    }
    const ids = deadlines.map((d) => d.id);
    expect(new Set(deadlines.map((d) => d.dueOn))).toEqual(new Set(['2026-04-14']));
    await Promise.all([a.jobs.idle(), b.jobs.idle()]);
    await eventually(async () => {
      expect(await a.jobs.queue.getJob(reminderJobId(ids.at(-1)!, 7))).toBeDefined();
    });

    clock.set('2026-04-07');
    await Promise.all([
      a.deadlines.sweep(),
      b.deadlines.sweep(),
      ...ids.map((id) => promote(a, reminderJobId(id, 7))),
      ...ids.map((id) => (Number.parseInt(id.at(-1)!, 16) % 2 === 0 ? a : b).deadlines.remind(id, 7)),
    ]);
    await eventually(async () => {
      for (const id of ids) expect(await a.jobs.queue.getJob(reminderJobId(id, 7))).toBeUndefined();
    });

    clock.set(fallsDueAt('2026-04-14'));
    await Promise.all([
      ...ids.map((id) => promote(b, dueJobId(id))),
      a.deadlines.sweep(),
      b.deadlines.sweep(),
      ...ids.map((id) => a.deadlines.fire(id)),
      ...ids.map((id) => b.deadlines.fire(id)),
    ]);
    await eventually(async () => {
      for (const id of ids) expect(await a.jobs.queue.getJob(dueJobId(id))).toBeUndefined();
    });

    const rows = await a.orm.em.fork().find(Deadline, { id: { $in: ids } });
    expect(rows.map((r) => [r.state, r.eventVersion])).toEqual(ids.map(() => ['fired', 2]));
    for (const id of ids) {
      expect((await a.eventsOf(id)).map((e) => `${e.type}@${e.aggregateVersion}`)).toEqual([
        'tic.deadline.reminder@1',
        'tic.deadline.overdue@2',
      ]);
    }
    expect([...handled].sort()).toEqual([...ids].sort());
  });
});
