import 'reflect-metadata';

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

import { RecordExpenditure } from '@tic/contracts';
import { RpcFailure } from '@tic/platform';

import {
  allocateThroughService,
  type BenchAllocation,
  copyAllocationsForBaseline,
  type FundingWorld,
  seedCenters,
  startFundingWorld,
} from './funding/funding-world';
import {
  combine,
  figures,
  type Outcome,
  type PathResult,
  type PlannedExpenditure,
  planExpenditures,
  runPlan,
} from './funding/ledger-workload';
import { RawLedgerClient } from './funding/raw-ledger';
import { verifyLedgers } from './funding/verify-ledgers';
import { memory } from './latency';
import { Cleanup } from './personnel/service-under-test';

// A36 at provincial scale: 100,000 expenditures across 1,000 allocations, 8 in flight, through the funding
// service's RecordExpenditure over NATS against the same writes in raw SQL. How to run it: bench/README.md.
const EXPENDITURES = Number(process.env.BENCH_EXPENDITURES ?? 100_000);
const ALLOCATIONS = Number(process.env.BENCH_ALLOCATIONS ?? 1_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
// 100,000.00 yuan a category, 400,000.00 an allocation.
const BUDGET_PER_CATEGORY_FEN = 10_000_000;

const say = (text: string) => process.stdout.write(`${text}\n`);
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
const count = (n: number) => n.toLocaleString('en');
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<boolean> {
  const cleanup = new Cleanup();
  const interrupted = () => void cleanup.run().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    say(
      `funding ledger (A36) — Node ${process.version}, ${cpus().length} CPUs, ${count(EXPENDITURES)} expenditures over ${count(ALLOCATIONS)} allocations, ${CLIENTS} clients; ${load()}`,
    );
    const world = await startFundingWorld(cleanup);
    const seeding = performance.now();
    const centers = await seedCenters(world, ALLOCATIONS);
    say(
      `${count(centers.length)} centers in the service's directory from tic.center.established in ${seconds(seeding)}`,
    );
    const allocating = performance.now();
    const viaService = await allocateThroughService(world, centers, BUDGET_PER_CATEGORY_FEN, CLIENTS);
    const viaSql = await copyAllocationsForBaseline(world.databaseUrl, viaService);
    say(
      `${count(viaService.length)} allocations through CreateAllocation and ${count(viaSql.length)} copies for the baseline in ${seconds(allocating)}`,
    );
    const plan = planExpenditures(EXPENDITURES, ALLOCATIONS, BUDGET_PER_CATEGORY_FEN);
    const spentOn = `${world.fiscalYear}-01-01`;
    const raw = await Promise.all(Array.from({ length: CLIENTS }, () => RawLedgerClient.connect(world.databaseUrl)));
    cleanup.add('close the baseline connections', () => Promise.all(raw.map((client) => client.close())));
    const serviceClients = Array.from({ length: CLIENTS }, () => recordThroughService(world, viaService, spentOn));
    const rawClients = raw.map(
      (client) => (e: PlannedExpenditure) => client.record(viaSql[e.allocation] as BenchAllocation, e, spentOn),
    );

    // In halves, alternating, so that the machine's load weighs on both paths alike.
    const half = Math.floor(EXPENDITURES / 2);
    const halves = [
      { from: 0, to: half },
      { from: half, to: EXPENDITURES },
    ];
    const serviceParts: PathResult[] = [];
    const rawParts: PathResult[] = [];
    for (const range of halves) {
      serviceParts.push(await runPlan(plan, range, serviceClients));
      rawParts.push(await runPlan(plan, range, rawClients));
    }
    const service = combine(serviceParts);
    const baseline = combine(rawParts);
    report(service, baseline);

    const checks = await Promise.all([
      verifyLedgers(world.databaseUrl, viaService),
      verifyLedgers(world.databaseUrl, viaSql),
    ]);
    let ok = true;
    for (const [label, result, check] of [
      ['service', service, checks[0]],
      ['raw SQL', baseline, checks[1]],
    ] as const) {
      const problems = [...check.problems];
      if (check.entries !== result.recorded) problems.push(`${result.recorded} recorded, ${check.entries} entries`);
      say(
        `${label}: ${count(check.allocations)} allocations, ${count(check.entries)} entries, ${((check.spentFen / check.budgetFen) * 100).toFixed(2)}% of the budget spent; ` +
          (problems.length === 0
            ? 'every balance is the budget less its entries, no category overspent'
            : `${problems.length} PROBLEMS:\n  ${problems.slice(0, 20).join('\n  ')}`),
      );
      ok &&= problems.length === 0;
    }
    const end = memory();
    say(`memory (RSS) at the end ${end.rssMiB} MiB, peak ${end.peakRssMiB} MiB; machine at the end: ${load()}`);
    return ok;
  } finally {
    await cleanup.run();
  }
}

/** One client as the gateway calls: RecordExpenditure over NATS, as the supporting unit of the allocation's center. */
function recordThroughService(world: FundingWorld, allocations: readonly BenchAllocation[], spentOn: string) {
  return async (expenditure: PlannedExpenditure): Promise<Outcome> => {
    const allocation = allocations[expenditure.allocation] as BenchAllocation;
    try {
      await world.rpc.request(
        RecordExpenditure,
        {
          allocationId: allocation.id,
          spentOn,
          amountFen: expenditure.amountFen,
          category: expenditure.category,
          payee: '沈阳示范仪器有限公司',
          voucherRef: `记-${expenditure.allocation}`,
        },
        { caller: allocation.supportingUnit },
      );
      return 'recorded';
    } catch (error) {
      // The refusal of an amount beyond the category's balance names the amount; any other is a failure.
      if (error instanceof RpcFailure && error.error.errors?.[0]?.path === 'amountFen') return 'refused';
      throw error;
    }
  };
}

function report(service: PathResult, baseline: PathResult): void {
  const [s, b] = [figures(service), figures(baseline)];
  const rows = [
    ['path', 'recorded', 'refused', 'seconds', 'per second', 'p50 ms', 'p99 ms', 'max ms'],
    ['service (RecordExpenditure over NATS)', ...line(service, s)],
    ['raw SQL (8 pg connections, baseline)', ...line(baseline, b)],
  ];
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const format = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ');
  say('');
  say(format(rows[0] ?? []));
  say(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) say(format(row));
  say(
    `\nratio service / raw SQL: throughput ${(s.perSecond / b.perSecond).toFixed(2)}×, p50 ${(s.p50 / b.p50).toFixed(2)}×, p99 ${(s.p99 / b.p99).toFixed(2)}×\n`,
  );
}

function line(result: PathResult, f: ReturnType<typeof figures>): string[] {
  return [
    count(result.recorded),
    count(result.refused),
    (result.elapsedMs / 1000).toFixed(1),
    f.perSecond.toFixed(0),
    f.p50.toFixed(2),
    f.p99.toFixed(2),
    f.max.toFixed(1),
  ];
}

main().then(
  (ok) => {
    process.exitCode = ok ? 0 : 1;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
