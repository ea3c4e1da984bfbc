import { Pool } from 'pg';

import type { ExpenseCategory } from '@tic/domain';

import type { BenchAllocation } from './funding-world';

/** What the check found across one set of allocations. */
export interface LedgerCheck {
  readonly allocations: number;
  readonly entries: number;
  readonly spentFen: number;
  readonly budgetFen: number;
  /** Every disagreement, described; empty when the ledgers hold. */
  readonly problems: string[];
}

type AllocationRow = {
  id: string;
  budget: { category: ExpenseCategory; amountFen: number }[];
  spent: Partial<Record<ExpenseCategory, number>>;
  entry_count: number;
};
type EntryTotals = { allocation_id: string; category: ExpenseCategory; sum: string; n: string };
type LastEntry = { allocation_id: string; sequence: number; balance_after_fen: string };

/**
 * Afterwards, from the tables alone: for each allocation, the entries of each category sum to what the
 * allocation says it spent, never more than the category's budget; the entries are numbered 1…n without
 * gaps; the last entry's balance is the budget less the sum of all entries.
 */
export async function verifyLedgers(
  databaseUrl: string,
  allocations: readonly BenchAllocation[],
): Promise<LedgerCheck> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  const ids = allocations.map((a) => a.id);
  try {
    const rows = (
      await pool.query<AllocationRow>(
        'select id, budget, spent, entry_count from funding.allocation where id = any($1)',
        [ids],
      )
    ).rows;
    const totals = (
      await pool.query<EntryTotals>(
        `select allocation_id, category, sum(amount_fen)::text as sum, count(*)::text as n
           from funding.ledger_entry where allocation_id = any($1) group by allocation_id, category`,
        [ids],
      )
    ).rows;
    const last = (
      await pool.query<LastEntry>(
        `select distinct on (allocation_id) allocation_id, sequence, balance_after_fen::text
           from funding.ledger_entry where allocation_id = any($1) order by allocation_id, sequence desc`,
        [ids],
      )
    ).rows;
    return check(ids, rows, totals, last);
  } finally {
    await pool.end();
  }
}

function check(
  ids: readonly string[],
  rows: readonly AllocationRow[],
  totals: readonly EntryTotals[],
  last: readonly LastEntry[],
): LedgerCheck {
  const problems: string[] = [];
  const lastOf = new Map(last.map((l) => [l.allocation_id, l]));
  let entries = 0;
  let spentFen = 0;
  let budgetFen = 0;
  if (rows.length !== ids.length) problems.push(`${ids.length} allocations expected, ${rows.length} found`);
  for (const row of rows) {
    const mine = totals.filter((t) => t.allocation_id === row.id);
    const count = mine.reduce((n, t) => n + Number(t.n), 0);
    const sumAll = mine.reduce((s, t) => s + Number(t.sum), 0);
    const budgetTotal = row.budget.reduce((s, line) => s + line.amountFen, 0);
    entries += count;
    spentFen += sumAll;
    budgetFen += budgetTotal;
    for (const line of row.budget) {
      const sum = Number(mine.find((t) => t.category === line.category)?.sum ?? 0);
      const said = row.spent[line.category] ?? 0;
      if (sum !== said) problems.push(`${row.id} ${line.category}: entries sum to ${sum}, the allocation says ${said}`);
      if (sum > line.amountFen) problems.push(`${row.id} ${line.category}: ${sum} spent of ${line.amountFen}`);
    }
    if (mine.some((t) => !row.budget.some((line) => line.category === t.category))) {
      problems.push(`${row.id}: entries outside the budget's categories`);
    }
    const tail = lastOf.get(row.id);
    if (row.entry_count !== count || (count > 0 && tail?.sequence !== count)) {
      problems.push(`${row.id}: ${count} entries, entry_count ${row.entry_count}, last sequence ${tail?.sequence}`);
    }
    if (count > 0 && Number(tail?.balance_after_fen) !== budgetTotal - sumAll) {
      problems.push(`${row.id}: last balance ${tail?.balance_after_fen}, budget less entries ${budgetTotal - sumAll}`);
    }
  }
  return { allocations: rows.length, entries, spentFen, budgetFen, problems };
}
