import type { ChainProblem } from './chain-verifier';
import type { HistoryVerification } from './history-verification';

/** What an operator reads: `OK …` with the counts, or the first problem first and the rest after. */
export function describeVerification(schema: string, result: HistoryVerification): { ok: boolean; lines: string[] } {
  const counts = `${result.rows} sealed rows (sequence 1–${result.lastSeq}), ${result.anchors} day anchors, ${result.unsealed} awaiting the sealer`;
  const lines = result.problems.map((problem) => describeProblem(problem));
  if (result.overdueCount > 0) {
    const named = result.overdue.map((row) => `${row.id} (written ${row.at})`).join(', ');
    lines.push(`unsealed: ${result.overdueCount} rows left unchained past the allowance, oldest first: ${named}`);
  }
  if (lines.length === 0) return { ok: true, lines: [`OK ${schema} history chain: ${counts}`] };
  return { ok: false, lines: [`FAILED ${schema} history chain: ${counts}`, ...lines] };
}

/** One problem, naming the chain sequence and row id (or the day) and the check that failed. */
export function describeProblem(problem: ChainProblem): string {
  switch (problem.check) {
    case 'altered':
      return `altered: row ${problem.seq} (id ${problem.id}): its hash does not follow from its fields and the previous row's hash (this row was changed, or the row before it was rewritten with a new hash)`;
    case 'removed':
      return problem.nextId === null
        ? `removed: rows ${range(problem.fromSeq, problem.toSeq)} at the end of the chain are missing (the head says ${problem.toSeq})`
        : `removed: rows ${range(problem.fromSeq, problem.toSeq)} are missing before row ${next(problem.toSeq)} (id ${problem.nextId})`;
    case 'beyond-head':
      return `forged: row ${problem.seq} (id ${problem.id}) lies beyond the head the sealer recorded: it was not sealed here`;
    case 'head':
      return problem.headSeq === null
        ? `head: no chain head is recorded, yet rows up to ${problem.lastSeq} are sealed (it was deleted)`
        : `head: the recorded head hash at ${problem.headSeq} is not the hash of the chain's last row`;
    case 'anchor':
      return `anchor: ${problem.source === 'published' ? 'published ' : ''}anchor of ${problem.day} (up to row ${problem.lastSeq}) no longer matches: ${problem.reason}`;
  }
}

function range(from: string, to: string): string {
  return from === to ? from : `${from}–${to}`;
}

function next(seq: string): string {
  return String(BigInt(seq) + 1n);
}
