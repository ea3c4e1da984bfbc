import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';

import {
  createTestDatabase,
  eventually,
  readAllEvents,
  startNatsServer,
  type TestDatabase,
  type TestNatsServer,
} from '@tic/testing';

import { Deadline, dueJobId, fallsDueAt, ManualClock } from '../src';
import { createTables, deleteRedisKeys, startService, type ServiceUnderTest } from './deadlines-service';

// A Redis database of its own, since this test flushes it (Redis here keeps nothing on disk, and
// a restart loses every delayed job the same way).
const REDIS_URL = 'redis://127.0.0.1:6379/13';

jest.setTimeout(30_000);

describe('a deadline whose job Redis lost (real Postgres, NATS JetStream and Redis)', () => {
  const prefix = `tic-test-${randomUUID().slice(0, 8)}`;
  const clock = new ManualClock('2026-03-02');
  let db: TestDatabase;
  let nats: TestNatsServer;
  let service: ServiceUnderTest | undefined;

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('deadlines_redis'), startNatsServer()]);
    await createTables(db.url);
  }, 60_000);

  afterAll(async () => {
    await service?.app.close();
    await nats?.stop();
    await db?.drop();
    await deleteRedisKeys(REDIS_URL, prefix);
  });

  const start = () => startService({ databaseUrl: db.url, natsUrl: nats.url, redisUrl: REDIS_URL, prefix, clock });

  it('gets its job back when the service restarts, and the job fires it', async () => {
    service = await start();
    const deadline = await service.schedule({
      kind: 'D-director-filing',
      subjectId: randomUUID(),
      start: '2026-03-02',
    });
    const jobs = () => service!.jobs.queue.getJob(dueJobId(deadline.id));
    await eventually(async () => {
      expect(await jobs()).toBeDefined();
    });

    const redis = new Redis(REDIS_URL);
    await redis.flushdb();
    await redis.quit();
    expect(await jobs()).toBeUndefined();

    await service.app.close();
    service = await start();
    const job = await eventually(async () => {
      const found = await jobs();
      expect(found?.data).toEqual({ deadlineId: deadline.id, on: '2026-04-14' });
      return found!;
    });
    expect(await job.getState()).toBe('delayed');

    // The sweep timer is off here: only the job can fire it.
    clock.set(fallsDueAt('2026-04-14'));
    await job.promote();
    await eventually(async () => {
      expect(await service!.orm.em.fork().findOneOrFail(Deadline, deadline.id)).toMatchObject({ state: 'fired' });
    });
    const overdue = await eventually(async () => {
      const found = (await readAllEvents(nats.url)).filter((e) => e.subject === deadline.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(overdue[0]).toMatchObject({
      type: 'tic.deadline.overdue',
      data: { deadlineId: deadline.id, dueOn: '2026-04-14' },
    });
    await eventually(async () => {
      expect(await jobs()).toBeUndefined();
    }); // removed once done, so it can be derived again
  });
});
