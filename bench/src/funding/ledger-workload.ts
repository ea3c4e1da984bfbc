import { performance } from 'node:perf_hooks';

import type { ExpenseCategory } from '@tic/domain';

import { CATEGORIES } from './funding-world';

/** One expenditure of the plan: which allocation (by index), which category, how much. */
export interface PlannedExpenditure {
  readonly allocation: number;
  readonly category: ExpenseCategory;
  readonly amountFen: number;
}

/**
 * The same expenditures for both paths. Allocation i % A takes the i-th, so the clients hold locks on
 * different rows at once, as units of different centers would; the amounts ask for about 105% of each
 * category's budget, so the last of a category's expenditures run into the balance check and some are refused.
 */
export function planExpenditures(count: number, allocations: number, budgetPerCategoryFen: number) {
  const perCategory = count / allocations / CATEGORIES.length;
  const meanFen = (budgetPerCategoryFen * 1.05) / perCategory;
  // A fixed-seed generator: the run is repeatable and both paths spend the very same amounts.
  let state = 0x2f6b_1d3a;
  const random = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, (_, i): PlannedExpenditure => {
    const round = Math.floor(i / allocations);
    return {
      allocation: i % allocations,
      category: CATEGORIES[round % CATEGORIES.length] as ExpenseCategory,
      amountFen: 1 + Math.floor(random() * 2 * meanFen),
    };
  });
}

export type Outcome = 'recorded' | 'refused';

/** What one path did with the plan: wall time, each call's latency, and how many were recorded or refused. */
export interface PathResult {
  readonly elapsedMs: number;
  readonly latenciesMs: Float64Array;
  readonly recorded: number;
  readonly refused: number;
}

/**
 * Runs `plan[from, to)` with one worker per client, each taking the next expenditure when its last one is
 * answered: `clients.length` expenditures in flight. A call that fails otherwise than refused stops the run.
 */
export async function runPlan(
  plan: readonly PlannedExpenditure[],
  range: { from: number; to: number },
  clients: readonly ((expenditure: PlannedExpenditure) => Promise<Outcome>)[],
): Promise<PathResult> {
  const latenciesMs = new Float64Array(range.to - range.from);
  let next = range.from;
  let recorded = 0;
  let refused = 0;
  const worker = async (record: (expenditure: PlannedExpenditure) => Promise<Outcome>) => {
    for (let i = next++; i < range.to; i = next++) {
      const started = performance.now();
      const outcome = await record(plan[i] as PlannedExpenditure);
      latenciesMs[i - range.from] = performance.now() - started;
      if (outcome === 'recorded') recorded += 1;
      else refused += 1;
    }
  };
  const started = performance.now();
  await Promise.all(clients.map(worker));
  return { elapsedMs: performance.now() - started, latenciesMs, recorded, refused };
}

/** The results of the halves of one path as one. */
export function combine(parts: readonly PathResult[]): PathResult {
  const latenciesMs = new Float64Array(parts.reduce((n, p) => n + p.latenciesMs.length, 0));
  let offset = 0;
  for (const part of parts) {
    latenciesMs.set(part.latenciesMs, offset);
    offset += part.latenciesMs.length;
  }
  return {
    elapsedMs: parts.reduce((sum, p) => sum + p.elapsedMs, 0),
    latenciesMs,
    recorded: parts.reduce((sum, p) => sum + p.recorded, 0),
    refused: parts.reduce((sum, p) => sum + p.refused, 0),
  };
}

/** Throughput and the latency percentiles of one path's result. */
export function figures(result: PathResult) {
  const sorted = Float64Array.from(result.latenciesMs).sort();
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return {
    perSecond: (sorted.length / result.elapsedMs) * 1000,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}
