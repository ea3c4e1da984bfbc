import 'reflect-metadata';

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';

import { CheckRoster } from '@tic/contracts';
import { Clock } from '@tic/deadlines';
import type { Caller, RpcClient } from '@tic/platform';
import { IdentityNumbers } from '@tic/personnel/dist/identity/identity-numbers';
import { fixedPostsSql } from '@tic/personnel/dist/roster/fixed-posts';
import { RosterService } from '@tic/personnel/dist/roster/roster.service';

import { type Latency, measureInterleaved, memory, operation, printReport } from './latency';
import { benchId, DST_ORG_ID, PEOPLE } from './personnel/population';
import { HOME_PLATFORM, ROSTER_ROWS, RosterMaker, type RosterCase } from './personnel/rosters';
import { analyze, seedPersonnel, tableSizes } from './personnel/seed';
import { Cleanup, startInfrastructure, startService } from './personnel/service-under-test';

// A18 查重 at provincial scale (1M people, 1M posts): one lookup through RosterService against the
// raw indexed query it wraps, and a 500-line roster check. How to run it: bench/README.md.
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
const ROSTER_ITERATIONS = Number(process.env.BENCH_ROSTER_ITERATIONS ?? 200);
const WARM_UP = { single: 500, roster: 20 };

// findFixedPosts' own query, as a prepared statement on a plain connection.
const FIXED_POSTS_SQL = fixedPostsSql('$1', '$2');

const CALLER: Caller = { userId: 'bench-dst', name: '省科技厅（基准测试）', role: 'dst_admin', orgId: DST_ORG_ID };
const HOME = benchId('platform', HOME_PLATFORM);
const say = (text: string) => process.stdout.write(`${text}\n`);
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString('en');

async function main(): Promise<boolean> {
  const cleanup = new Cleanup();
  const interrupted = () => void cleanup.run().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    say(
      `personnel duplicate check (A18 查重) — Node ${process.version}, ${cpus().length} CPUs, ${count(PEOPLE)} people; ${load()}`,
    );
    const { db, config, identityNumbers } = await startInfrastructure(cleanup);
    say(`database ${db.name}, migrations applied`);
    await seed(db.url, identityNumbers);
    const afterSeed = memory();
    const { app, rpc } = await startService(config, cleanup);
    const afterStart = memory();
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    cleanup.add('close the baseline connection', () => sql.end());
    const ok = await measureAll(app, rpc, sql, identityNumbers);
    const end = memory();
    say(
      `memory (RSS): ${afterSeed.rssMiB} MiB after seeding, ${afterStart.rssMiB} MiB with the service up, ${end.rssMiB} MiB at the end; peak ${end.peakRssMiB} MiB`,
    );
    say(`machine at the end: ${load()} (on a busy machine the figures are pessimistic; the ratios hold better)`);
    return ok;
  } finally {
    await cleanup.run();
  }
}

async function seed(databaseUrl: string, identityNumbers: IdentityNumbers): Promise<void> {
  const seeding = performance.now();
  const counts = await seedPersonnel(databaseUrl, identityNumbers);
  const copied = seconds(seeding);
  const analyzing = performance.now();
  await analyze(databaseUrl);
  const each = counts.seconds;
  say(
    `seeded with COPY in ${copied}: ${count(counts.platforms)} platforms (${each.platforms.toFixed(1)} s), then together ${count(counts.people)} people (${each.people.toFixed(1)} s, AES-GCM and HMAC included) and ${count(counts.appointments)} appointments (${each.appointments.toFixed(1)} s)`,
  );
  say(`VACUUM (ANALYZE) ${seconds(analyzing)}; seeding in all ${seconds(seeding)}`);
  say(
    `sizes with indexes: ${Object.entries(await tableSizes(databaseUrl))
      .map(([table, size]) => `${table} ${size}`)
      .join(', ')}`,
  );
}

async function measureAll(
  app: INestApplication,
  rpc: RpcClient,
  sql: Client,
  identityNumbers: IdentityNumbers,
): Promise<boolean> {
  const roster = app.get(RosterService);
  const today = app.get(Clock).today();
  const probe = '210102199001011237';
  if (app.get(IdentityNumbers).hash(probe) !== identityNumbers.hash(probe))
    throw new Error('the service hashes with other keys than the seed');
  const maker = new RosterMaker(today, 20_261_128);
  say(`service started; today ${today}; the roster's platform ${HOME} holds ${maker.homeStaff} fixed staff\n`);

  const answers = new AnswerCheck();
  const rawLookup = async (hashes: string[]) =>
    (await sql.query<{ platformId: string }>({ name: 'fixed-posts', text: FIXED_POSTS_SQL, values: [hashes, today] }))
      .rows;
  const withHashes = (c: RosterCase) => ({
    c,
    hashes: c.rows.filter((r) => r.kind === 'fixed').map((r) => identityNumbers.hash(r.idNumber)),
  });
  const request = (c: RosterCase, platformId?: string) => ({
    ...(platformId === undefined ? {} : { platformId }),
    firstRow: 1,
    rows: c.rows,
  });

  // Every operation draws its own random inputs, so that none finds the pages another just read.
  const [baseline, service, serviceOnPlatform] = await measureInterleaved(
    { iterations: ITERATIONS, warmUp: WARM_UP.single },
    [
      operation(
        'raw SQL, 1 hash (pg, prepared)',
        () => withHashes(maker.single()),
        async ({ c, hashes }) => {
          answers.expect('raw SQL, 1 hash', (await rawLookup(hashes)).length, c.expectedConflicts);
        },
      ),
      operation(
        'RosterService.check, 1 row',
        () => maker.single(),
        async (c) => {
          answers.expect(
            'check, 1 row',
            (await roster.check(request(c), CALLER)).conflicts.length,
            c.expectedConflicts,
          );
        },
      ),
      // Naming the platform adds its load and visibility check.
      operation(
        'RosterService.check, 1 row + platformId',
        () => maker.single(),
        (c) => roster.check(request(c, benchId('platform', 1)), CALLER),
      ),
    ],
  );
  const [rawRoster, serviceRoster, natsRoster] = await measureInterleaved(
    { iterations: ROSTER_ITERATIONS, warmUp: WARM_UP.roster },
    [
      operation(
        `raw SQL, a ${ROSTER_ROWS}-row roster's hashes`,
        () => withHashes(maker.roster()),
        async ({ c, hashes }) => {
          answers.expect(
            'raw SQL, roster',
            (await rawLookup(hashes)).filter((post) => post.platformId !== HOME).length,
            c.expectedConflicts,
          );
        },
      ),
      operation(
        `RosterService.check, ${ROSTER_ROWS} rows`,
        () => maker.roster(),
        async (c) => {
          answers.expect(
            `check, ${ROSTER_ROWS} rows`,
            (await roster.check(request(c, HOME), CALLER)).conflicts.length,
            c.expectedConflicts,
          );
        },
      ),
      operation(
        `over NATS (RpcClient), ${ROSTER_ROWS} rows`,
        () => maker.roster(),
        async (c) => {
          answers.expect(
            `NATS, ${ROSTER_ROWS} rows`,
            (await rpc.request(CheckRoster, request(c, HOME), { caller: CALLER })).conflicts.length,
            c.expectedConflicts,
          );
        },
      ),
    ],
  );

  const withinTwice = {
    text: 'p50 and p99 ≤ 2× baseline',
    met: (l: Latency, b?: Latency) => b !== undefined && l.p50 <= 2 * b.p50 && l.p99 <= 2 * b.p99,
  };
  const under50 = { text: 'p99 < 50 ms', met: (l: Latency) => l.p99 < 50 };
  const targetsMet = printReport([
    { latency: baseline },
    { latency: service, baseline, target: withinTwice },
    { latency: serviceOnPlatform, baseline },
    { latency: rawRoster },
    { latency: serviceRoster, baseline: rawRoster, target: under50 },
    { latency: natsRoster, baseline: serviceRoster },
  ]);
  say(
    `\nratios: the 1-row checks against the 1-hash query; the ${ROSTER_ROWS}-row check against the raw query of its fixed lines' hashes; NATS against the in-process check`,
  );
  say(
    `each ${ROSTER_ROWS}-row roster: 25 conflicts (5%), 150 of the platform's own fixed staff, 150 people with no binding post, 100 unregistered numbers, 75 floating lines`,
  );
  say(answers.summary());
  say(targetsMet && answers.wrong === 0 ? 'every target met' : 'NOT every target met (see above)');
  return (
    answers.wrong === 0 &&
    [baseline, service, serviceOnPlatform, rawRoster, serviceRoster, natsRoster].every((l) => l.error === undefined)
  );
}

/** Counts answers with another number of conflicts than the seeded data implies. */
class AnswerCheck {
  checked = 0;
  wrong = 0;
  private first: string | undefined;

  expect(label: string, actual: number, expected: number): void {
    this.checked += 1;
    if (actual === expected) return;
    this.wrong += 1;
    this.first ??= `${label}: ${actual} conflicts where the seed has ${expected}`;
  }

  summary(): string {
    return `answers checked against the seeded data: ${count(this.checked)}, wrong: ${this.wrong}${this.first === undefined ? '' : ` (first: ${this.first})`}`;
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
