import 'reflect-metadata';

import { performance } from 'node:perf_hooks';

import { Redis } from 'ioredis';
import { Client } from 'pg';

import { fallsDueAt } from '@tic/deadlines';
import { createTestDatabase, startNatsServer, startRedisServer } from '@tic/testing';

import {
  BenchClock,
  createTables,
  daysAfter,
  insertPending,
  SERVICE,
  startDeadlinesService,
  type DeadlinesWorld,
} from './deadlines-reschedule/deadlines-world';
import { bullmqFloor } from './deadlines-reschedule/bullmq-floor';
import { Cleanup } from './personnel/service-under-test';
import { fixed, grouped, machine, table, verdict } from './write-path/report';

/**
 * Deadlines after Redis lost its keys: BENCH_PENDING (100,000) pending deadlines, their wake-ups derived,
 * then the private Redis flushed (FLUSHALL, then restarted empty, as a Redis without persistence comes
 * back): the time until every wake-up is back (target < 10 s). Then BENCH_DUE (1,000) deadlines due at
 * midnight a few seconds ahead on the service's clock: fired-at − due-at for each (target p99 < 1 s).
 */
const PENDING = Number(process.env.BENCH_PENDING ?? 100_000);
const DUE = Number(process.env.BENCH_DUE ?? 1_000);
const LEAD_MS = Number(process.env.BENCH_LEAD_MS ?? 5_000);
// The worker's concurrency; unset, the module's default.
const CONCURRENCY = process.env.BENCH_CONCURRENCY === undefined ? undefined : Number(process.env.BENCH_CONCURRENCY);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 180_000);

const FLUSH_WATCH_MS = Number(process.env.BENCH_FLUSH_WATCH_MS ?? 15_000);

/** Milliseconds until `done`, or undefined after `timeoutMs`. */
async function within(timeoutMs: number, done: () => Promise<boolean>): Promise<number | undefined> {
  const started = performance.now();
  while (!(await done())) {
    if (performance.now() - started > timeoutMs) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return performance.now() - started;
}

async function waitFor(what: string, done: () => Promise<boolean>): Promise<number> {
  const ms = await within(TIMEOUT_MS, done);
  if (ms === undefined) throw new Error(`${what}: not after ${TIMEOUT_MS} ms`);
  return ms;
}

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  const clock = new BenchClock();
  let world: DeadlinesWorld | undefined;
  try {
    const db = await createTestDatabase('bench_deadlines');
    cleanup.add(`drop database ${db.name}`, () => db.drop());
    const nats = await startNatsServer();
    cleanup.add('stop nats-server', () => nats.stop());
    const redis = await startRedisServer();
    cleanup.add('stop redis-server', () => redis.close());
    await createTables(db.url);
    process.stdout.write(
      `deadlines — ${machine()}; ${grouped(PENDING)} pending, ${grouped(DUE)} falling due, worker concurrency ${CONCURRENCY ?? 'default'}\n`,
    );

    const seeded = performance.now();
    await insertPending(db.url, PENDING, daysAfter(clock, 30));
    process.stdout.write(
      `${grouped(PENDING)} pending deadlines written in ${fixed((performance.now() - seeded) / 1000, 1)} s\n`,
    );

    world = await startDeadlinesService({
      databaseUrl: db.url,
      natsUrl: nats.url,
      redisUrl: redis.url,
      clock,
      ...(CONCURRENCY === undefined ? {} : { concurrency: CONCURRENCY }),
    });
    const { jobs } = world;
    const delayed = () => jobs.queue.getDelayedCount();
    const atStart = await waitFor('wake-ups derived at the start', async () => (await delayed()) >= PENDING);

    const client = new Redis(redis.url);
    await client.flushall();
    await client.quit();
    const flushed = await delayed();
    // FLUSHALL on a live Redis: the service's connections stay up, nothing tells it the keys are gone.
    const liveBack = await within(FLUSH_WATCH_MS, async () => (await delayed()) >= PENDING);
    const liveCount = await delayed();
    // A Redis that lost its keys is one that restarted: empty, its clients reconnecting.
    const restarted = performance.now();
    await redis.stop();
    await redis.start();
    const back = await waitFor('wake-ups derived after the flush', async () => {
      const count = await delayed().catch(() => 0);
      return count >= PENDING;
    });
    const sinceRestart = performance.now() - restarted;

    // Firing: a batch due today on the service's clock, midnight LEAD_MS ahead.
    const dueOn = clock.today();
    const due = await insertPending(db.url, DUE, dueOn);
    clock.midnightIn(LEAD_MS);
    const syncing = performance.now();
    await jobs.sync(due);
    const synced = performance.now() - syncing;
    const dueAt = fallsDueAt(dueOn).getTime();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    cleanup.add('close pg', () => pg.end());
    const firedCount = async () =>
      Number(
        (
          await pg.query<{ n: string }>(
            `select count(*) as n from ${SERVICE}.deadline where due_on = $1 and state = 'fired'`,
            [dueOn],
          )
        ).rows[0]?.n ?? 0,
      );
    await waitFor('the batch fired', async () => (await firedCount()) >= DUE);
    const { rows } = await pg.query<{ ms: string }>(
      `select extract(epoch from fired_at) * 1000 - $2::double precision as ms from ${SERVICE}.deadline where due_on = $1 order by 1`,
      [dueOn, dueAt],
    );
    const lateness = rows.map((r) => Number(r.ms));
    const at = (q: number) => lateness[Math.max(0, Math.ceil(q * lateness.length) - 1)] ?? NaN;
    const stillPending = await delayed();
    const floor = await bullmqFloor(redis.url, PENDING);

    process.stdout.write(
      `\n${table(
        ['measure', 'n', 'figure', 'target', 'verdict'],
        [
          [
            'wake-ups derived at the start (Redis empty)',
            grouped(PENDING),
            `${fixed(atStart / 1000)} s`,
            '(information)',
            '',
          ],
          ['wake-ups left after FLUSHALL', grouped(flushed), '', '', ''],
          [
            'all back after FLUSHALL, connections kept',
            grouped(liveCount),
            liveBack === undefined ? `not within ${fixed(FLUSH_WATCH_MS / 1000, 0)} s` : `${fixed(liveBack / 1000)} s`,
            '< 10 s',
            verdict(liveBack !== undefined && liveBack < 10_000),
          ],
          [
            'all wake-ups back after the flush (restart)',
            grouped(PENDING),
            `${fixed(back / 1000)} s`,
            '< 10 s',
            verdict(back < 10_000),
          ],
          [
            '  baseline: as many bare BullMQ adds, bulks of 500',
            grouped(PENDING),
            `${fixed(floor / 1000)} s`,
            `(derivation ${fixed(back / floor, 1)}×)`,
            '',
          ],
          [
            '  the same, from the restart command',
            grouped(PENDING),
            `${fixed(sinceRestart / 1000)} s`,
            '(information)',
            '',
          ],
          [
            `the batch's wake-ups derived (due ${fixed(LEAD_MS / 1000, 0)} s ahead)`,
            grouped(DUE),
            `${fixed(synced / 1000)} s`,
            '(information)',
            '',
          ],
          [
            'firing lateness p50 (fired-at − due-at)',
            grouped(lateness.length),
            `${fixed(at(0.5))} ms`,
            '(information)',
            '',
          ],
          [
            'firing lateness p99',
            grouped(lateness.length),
            `${fixed(at(0.99))} ms`,
            '< 1 s',
            verdict(at(0.99) < 1_000),
          ],
          ['firing lateness max', grouped(lateness.length), `${fixed(lateness.at(-1) ?? NaN)} ms`, '(information)', ''],
          ['wake-ups still delayed afterwards', grouped(stillPending), '', '', ''],
        ],
      )}\n`,
    );
    process.stdout.write(`machine at the end: ${machine()}\n`);
  } finally {
    await world?.app.close();
    await cleanup.run();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
