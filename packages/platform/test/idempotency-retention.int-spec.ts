import 'reflect-metadata';

import type { MikroORM } from '@mikro-orm/postgresql';

import { createTestDatabase, type TestDatabase } from '@tic/testing';

import { IdempotencyRetention, openOrm } from '../src';

const DAY_MS = 86_400_000;
// A manual instant: the sweeps below say when "now" is, and no test waits for days to pass.
const now = new Date('2027-03-10T08:00:00Z');
const daysBefore = (days: number) => new Date(now.getTime() - days * DAY_MS);

describe('forgetting idempotency keys past their retention (real Postgres)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  const retention = (batchSize: number) =>
    new IdempotencyRetention(orm, { schema: 'funding', retentionDays: 7, sweepIntervalMs: 60_000, batchSize });

  beforeAll(async () => {
    db = await createTestDatabase('idempotency_retention');
    orm = await openOrm({ databaseUrl: db.url, schema: 'funding', entities: [], migrationsPath: __dirname });
    await orm.schema.createSchema({ schema: 'funding' });
  }, 60_000);

  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  beforeEach(() => orm.em.getConnection().execute('truncate funding.idempotency_record'));

  const record = (callerId: string, count: number, createdAt: Date) =>
    orm.em.getConnection().execute(
      `insert into funding.idempotency_record (caller_id, key, operation, fingerprint, result, created_at)
       select ?, 'key-' || n, 'tic.rpc.funding.allocate', 'f', null, ? from generate_series(1, ?) n`,
      [callerId, createdAt, count],
    );
  const callersLeft = async () =>
    (
      await orm.em
        .getConnection()
        .execute<{ caller_id: string; n: string }[]>(
          'select caller_id, count(*) as n from funding.idempotency_record group by caller_id order by caller_id',
        )
    ).map((row) => `${row.caller_id}:${row.n}`);

  it('deletes the records older than the period and keeps the younger ones', async () => {
    await record('expired', 3, daysBefore(7.01));
    await record('kept', 2, daysBefore(6.99));

    expect(await retention(1000).sweep(now)).toBe(3);
    expect(await callersLeft()).toEqual(['kept:2']);
    // A day later the younger ones have aged out as well.
    expect(await retention(1000).sweep(new Date(now.getTime() + DAY_MS))).toBe(2);
    expect(await callersLeft()).toEqual([]);
  });

  it('works through a backlog in batches, with two instances sweeping at once', async () => {
    await record('old', 2_500, daysBefore(30));
    await record('recent', 10, daysBefore(1));

    const [first, second] = await Promise.all([retention(200).sweep(now), retention(200).sweep(now)]);

    expect(first + second).toBe(2_500);
    expect(await callersLeft()).toEqual(['recent:10']);
  });

  it('does not wait for a command holding a key: that row is left to the next sweep', async () => {
    await record('held', 1, daysBefore(8));
    await record('free', 1, daysBefore(8));
    const fork = orm.em.fork();
    await fork.begin();
    try {
      await fork.execute(`select 1 from funding.idempotency_record where caller_id = 'held' for update`);
      expect(await retention(1000).sweep(now)).toBe(1);
    } finally {
      await fork.rollback();
    }
    expect(await callersLeft()).toEqual(['held:1']);
    expect(await retention(1000).sweep(now)).toBe(1);
  });
});
