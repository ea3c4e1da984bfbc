import 'reflect-metadata';

import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';

import { scoreCenter, type IndicatorSystem } from '@tic/domain';
import { EVALUATIONS_ENTITIES } from '@tic/evaluations/dist/entities';
import { EvaluationRound } from '@tic/evaluations/dist/rounds/evaluation-round.entity';
import { RoundCenter } from '@tic/evaluations/dist/rounds/round-center.entity';
import { applyGrading } from '@tic/evaluations/dist/rounds/round-grading.service';
import { openOrm } from '@tic/platform';
import { createTestDatabase } from '@tic/testing';

import { GRADE_BY_SQL } from './round-grading-sql';

/**
 * A30 at provincial scale: a round of 1,000 centers with 30 indicators each, graded through the service's
 * grading path (load the centers with MikroORM, gradeRound, write the grades) against computing the same
 * grades from the raw scores with one SQL statement, in the same run. Every grade must agree.
 */
const CENTERS = Number(process.env.BENCH_CENTERS ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);

// 30 indicators in 6 dimensions: 10 weigh 4 and 20 weigh 3, 100 in all (A29).
const SYSTEM: IndicatorSystem = {
  dimensions: Array.from({ length: 6 }, (_, d) => ({
    key: `d${d}`,
    name: { zh: `维度${d}`, en: `dimension ${d}` },
    indicators: Array.from({ length: 5 }, (_, i) => ({
      key: `d${d}i${i}`,
      name: { zh: `指标${d}-${i}`, en: `indicator ${d}-${i}` },
      weight: d * 5 + i < 10 ? 4 : 3,
    })),
  })),
};
const THRESHOLDS = { excellent: 90, good: 75, basicPass: 60 };

async function main(): Promise<void> {
  const db = await createTestDatabase('bench_rounds');
  const orm = await openOrm({
    databaseUrl: db.url,
    schema: 'evaluations',
    entities: EVALUATIONS_ENTITIES,
    migrationsPath: __dirname,
  });
  const pool = new Pool({ connectionString: db.url, max: 1 });
  try {
    await orm.schema.createSchema({ schema: 'evaluations' });
    const roundId = await seed(pool);
    const service: number[] = [];
    const sql: number[] = [];
    let byService = new Map<string, string | null>();
    let bySql = new Map<string, string | null>();
    // Alternate the two so that the machine's load weighs on both alike.
    for (let run = 0; run < RUNS; run++) {
      await reset(pool, roundId);
      service.push(await timed(() => gradeThroughService(orm, roundId)));
      byService = await grades(pool, roundId);
      await reset(pool, roundId);
      sql.push(await timed(() => pool.query(GRADE_BY_SQL, [roundId])));
      bySql = await grades(pool, roundId);
    }
    const disagreements = [...byService].filter(([id, grade]) => bySql.get(id) !== grade);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const counts = [...byService.values()].reduce<Record<string, number>>(
      (acc, g) => ({ ...acc, [g ?? 'tie']: (acc[g ?? 'tie'] ?? 0) + 1 }),
      {},
    );
    console.log(`round-grading: ${CENTERS} centers × 30 indicators, ${RUNS} runs each, medians`);
    console.table([
      { measure: 'service path (load, gradeRound, write)', ms: median(service).toFixed(1) },
      { measure: 'one SQL statement (baseline)', ms: median(sql).toFixed(1) },
    ]);
    console.log(`ratio service / SQL: ${(median(service) / median(sql)).toFixed(2)}×`);
    console.log(`grades: ${JSON.stringify(counts)}`);
    if (disagreements.length > 0 || byService.size !== CENTERS) {
      throw new Error(
        `the two disagree on ${disagreements.length} grades: ${JSON.stringify(disagreements.slice(0, 5))}`,
      );
    }
    console.log('the two agree on every grade');
  } finally {
    await pool.end();
    await orm.close(true);
    await db.drop();
  }
}

async function gradeThroughService(orm: Awaited<ReturnType<typeof openOrm>>, roundId: string): Promise<void> {
  const em = orm.em.fork();
  await em.transactional(async (tx) => {
    const round = await tx.findOneOrFail(EvaluationRound, { id: roundId });
    const entries = await tx.find(RoundCenter, { roundId });
    applyGrading(round, entries);
  });
}

async function seed(pool: Pool): Promise<string> {
  const roundId = randomUUID();
  await pool.query(
    `insert into evaluations.evaluation_round (id, version, event_version, created_at, name, year, status, participate_by, indicator_system, thresholds, excellent_cap_share, tie_break)
     values ($1, 1, 0, now(), 'bench', 2026, 'grading', '2026-12-31', $2, $3, 0.2, '[]')`,
    [roundId, JSON.stringify(SYSTEM), JSON.stringify(THRESHOLDS)],
  );
  const keys = SYSTEM.dimensions.flatMap((d) => d.indicators.map((i) => i.key));
  const rows = Array.from({ length: CENTERS }, (_, n) => {
    const base = 55 + Math.floor(Math.random() * 46);
    const scores = keys.map((indicatorKey) => ({
      indicatorKey,
      score: Math.max(0, Math.min(100, base + Math.floor(Math.random() * 11) - 5)),
      evidence: '佐证材料',
    }));
    const result = scoreCenter(SYSTEM, scores);
    if (!result.ok) throw new Error('seeded scores must be complete');
    return { id: randomUUID(), centerId: randomUUID(), name: `中心${n}`, scores, total: result.total };
  });
  await pool.query(
    `insert into evaluations.evaluation_round_center (id, version, event_version, created_at, round_id, center_id, center_name, basis, status, scores, total)
     select id, 1, 0, now(), $1, center_id, name, 'cycle', 'submitted', scores, total
       from unnest($2::uuid[], $3::uuid[], $4::text[], $5::jsonb[], $6::float8[]) as t(id, center_id, name, scores, total)`,
    [
      roundId,
      rows.map((r) => r.id),
      rows.map((r) => r.centerId),
      rows.map((r) => r.name),
      rows.map((r) => JSON.stringify(r.scores)),
      rows.map((r) => r.total),
    ],
  );
  await pool.query('vacuum analyze evaluations.evaluation_round_center');
  return roundId;
}

const reset = (pool: Pool, roundId: string) =>
  pool.query(
    'update evaluations.evaluation_round_center set grade = null, computed_grade = null, version = version + 1 where round_id = $1',
    [roundId],
  );

async function grades(pool: Pool, roundId: string): Promise<Map<string, string | null>> {
  const { rows } = await pool.query<{ center_id: string; grade: string | null }>(
    'select center_id, grade from evaluations.evaluation_round_center where round_id = $1',
    [roundId],
  );
  return new Map(rows.map((r) => [r.center_id, r.grade]));
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
