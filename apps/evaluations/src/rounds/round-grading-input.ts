import { gradeRound, type RoundGrading } from '@tic/domain';

import type { EvaluationRound } from './evaluation-round.entity';
import type { RoundCenter } from './round-center.entity';

/** Overrides DST gave so far, read back from the centers of the round. */
type Override = {
  readonly centerId: string;
  readonly grade: NonNullable<RoundCenter['grade']>;
  readonly reason: string;
};

/**
 * A30: the round graded from the submitted centers' totals, its thresholds and cap, DST's tie-break and
 * overrides. Declined and non-participating centers take no grade: they go to ground A31(四) instead.
 */
export function gradingOf(
  round: EvaluationRound,
  entries: readonly RoundCenter[],
  overrides?: readonly Override[],
): RoundGrading {
  const scored = entries.filter((e) => e.status === 'submitted' && e.total !== null);
  const kept =
    overrides ??
    scored.flatMap((e) =>
      e.overrideReason !== null && e.grade !== null
        ? [{ centerId: e.centerId, grade: e.grade, reason: e.overrideReason }]
        : [],
    );
  const ids = new Set(scored.map((e) => e.centerId));
  return gradeRound({
    centers: scored.map((e) => ({ centerId: e.centerId, total: e.total ?? 0 })),
    thresholds: round.thresholds,
    ...(round.excellentCapShare === null ? {} : { excellentCap: { share: round.excellentCapShare } }),
    ...(round.tieBreak.length === 0 ? {} : { tieBreak: round.tieBreak.filter((id) => ids.has(id)) }),
    overrides: kept,
  });
}
