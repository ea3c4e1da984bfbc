import { Injectable } from '@nestjs/common';

import { GradeRound, StartGrading, type RoundDto } from '@tic/contracts';
import { evaluationRoundLifecycle } from '@tic/domain';
import { type Caller, type CommandScope, type In, refuse, RpcFailure, UnitOfWork } from '@tic/platform';

import { EvaluationRound } from './evaluation-round.entity';
import { requireDst } from './round-access';
import { RoundCenter } from './round-center.entity';
import { gradingOf } from './round-grading-input';
import { ROUND_AGGREGATE, toRoundDto } from './round-view';
import { ROUND_REFUSALS } from './rounds.refusals';

export const ROUND = { zh: '评估轮次', en: 'evaluation round' };

/** A30: DST closes the scoring, then grades: thresholds, the cap by rank, its tie-break and overrides. */
@Injectable()
export class RoundGradingService {
  constructor(private readonly uow: UnitOfWork) {}

  startGrading(input: In<typeof StartGrading>, caller: Caller): Promise<RoundDto> {
    requireDst(caller);
    return this.uow.run(
      StartGrading,
      input,
      async (scope) => {
        const round = await scope.lock(EvaluationRound, input.id, input.version, ROUND);
        const entries = await scope.em.find(RoundCenter, { roundId: round.id });
        const unsettled = entries.filter((e) => e.status === 'assigned' || e.status === 'scoring').length;
        transition(scope, round, 'start_grading', caller, { unsettledAssignments: unsettled });
        applyGrading(round, entries);
        return round;
      },
      (em, round) => toRoundDto(em, round, caller),
    );
  }

  grade(input: In<typeof GradeRound>, caller: Caller): Promise<RoundDto> {
    requireDst(caller);
    return this.uow.run(
      GradeRound,
      input,
      async (scope) => {
        const round = await scope.lock(EvaluationRound, input.id, input.version, ROUND);
        if (round.status !== 'grading') throw refuse(ROUND_REFUSALS.not_graded, { status: round.status });
        const entries = await scope.em.find(RoundCenter, { roundId: round.id });
        if (input.tieBreak !== undefined) round.tieBreak = [...input.tieBreak];
        round.gradedAt = new Date();
        const kept = entries.flatMap((e) =>
          e.overrideReason !== null && e.grade !== null && !input.overrides.some((o) => o.centerId === e.centerId)
            ? [{ centerId: e.centerId, grade: e.grade, reason: e.overrideReason }]
            : [],
        );
        applyGrading(round, entries, [...kept, ...input.overrides]);
        for (const [i, o] of input.preparationOutcomes.entries()) {
          const entry = entries.find((e) => e.centerId === o.centerId && e.basis === 'preparation');
          if (entry === undefined) {
            throw refuse(ROUND_REFUSALS.center_not_in_round, {
              path: `preparationOutcomes[${i}].centerId`,
              centerId: o.centerId,
            });
          }
          if (entry.status !== 'submitted') {
            throw refuse(ROUND_REFUSALS.outcome_not_submitted, {
              path: `preparationOutcomes[${i}].centerId`,
              centerId: o.centerId,
              status: entry.status,
            });
          }
          entry.preparationOutcome = o.outcome;
          entry.outcomeReason = o.reason;
        }
        scope.history(round, {
          aggregateType: ROUND_AGGREGATE,
          action: 'grade',
          from: round.status,
          to: round.status,
          comment: input.overrides.map((o) => `${o.centerId} → ${o.grade}：${o.reason}`).join('；') || null,
          article: '第三十条',
        });
        return round;
      },
      (em, round) => toRoundDto(em, round, caller),
    );
  }
}

/** Writes the round's grading onto its centers, or refuses with the rule and article of the first finding. */
export function applyGrading(
  round: EvaluationRound,
  entries: readonly RoundCenter[],
  overrides?: Parameters<typeof gradingOf>[2],
): void {
  const grading = gradingOf(round, entries, overrides);
  if (!grading.ok) throw RpcFailure.violation(grading.findings[0] as NonNullable<(typeof grading.findings)[0]>);
  const byCenter = new Map(grading.centers.map((c) => [c.centerId, c]));
  for (const entry of entries) {
    const graded = byCenter.get(entry.centerId);
    entry.computedGrade = graded?.cappedGrade ?? graded?.computedGrade ?? null;
    entry.grade = graded?.grade ?? null;
    entry.overrideReason = graded?.override?.reason ?? null;
  }
}

export function transition(
  scope: CommandScope,
  round: EvaluationRound,
  action: 'start_grading' | 'publish',
  caller: Caller,
  context: Parameters<typeof evaluationRoundLifecycle.decide>[3],
): void {
  const decision = scope.decide(evaluationRoundLifecycle.decide(round.status, action, caller.role, context));
  const from = round.status;
  round.status = decision.to;
  scope.history(round, { aggregateType: ROUND_AGGREGATE, action, from, to: round.status, article: decision.article });
}
