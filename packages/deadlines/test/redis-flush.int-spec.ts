import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';

import {
  createTestDatabase,
  eventually,
  startNatsServer,
  startRedisServer,
  type TestDatabase,
  type TestNatsServer,
  type TestRedisServer,
} from '@tic/testing';

import { dueJobId, ManualClock } from '../src';
import { createTables, startService, type ServiceUnderTest } from './deadlines-service';

jest.setTimeout(30_000);

describe('Redis flushed under a running service (real Postgres, NATS JetStream, a private Redis)', () => {
  const prefix = `tic-test-${randomUUID().slice(0, 8)}`;
  const clock = new ManualClock('2026-03-02');
  let db: TestDatabase;
  let nats: TestNatsServer;
  let redis: TestRedisServer;
  let service: ServiceUnderTest | undefined;

  beforeAll(async () => {
    // A Redis of its own: this test flushes every key of it.
    [db, nats, redis] = await Promise.all([
      createTestDatabase('deadlines_flush'),
      startNatsServer(),
      startRedisServer(),
    ]);
    await createTables(db.url);
  }, 60_000);

  afterAll(async () => {
    await service?.app.close();
    await redis?.close();
    await nats?.stop();
    await db?.drop();
  });

  it('derives the jobs of its pending deadlines again, with no reconnection and no restart', async () => {
    service = await startService({ databaseUrl: db.url, natsUrl: nats.url, redisUrl: redis.url, prefix, clock });
    const deadlines = await Promise.all(
      ['2026-03-02', '2026-03-09'].map((start) =>
        service!.schedule({ kind: 'D-director-filing', subjectId: randomUUID(), start }),
      ),
    );
    const jobsOf = () => Promise.all(deadlines.map((d) => service!.jobs.queue.getJob(dueJobId(d.id))));
    await eventually(async () => {
      expect((await jobsOf()).every((job) => job !== undefined)).toBe(true);
    });

    const client = new Redis(redis.url);
    await client.flushall();
    await client.quit();
    expect((await jobsOf()).every((job) => job === undefined)).toBe(true);

    const back = await eventually(async () => {
      const jobs = await jobsOf();
      expect(jobs.map((job) => job?.data.on)).toEqual(deadlines.map((d) => d.dueOn));
      return jobs;
    });
    expect(await Promise.all(back.map(async (job) => job?.getState()))).toEqual(['delayed', 'delayed']);
  });
});
