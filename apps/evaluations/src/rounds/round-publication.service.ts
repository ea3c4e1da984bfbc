import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import {
  EvaluationGraded,
  EvaluationPolicySupportProposed,
  EvaluationPreparationConcluded,
  PublishRound,
  type RoundDto,
} from '@tic/contracts';
import { Clock, Deadlines } from '@tic/deadlines';
import { type Caller, type CommandScope, type In, nextEventVersion, refuse, UnitOfWork } from '@tic/platform';

import { completeEvaluationCycle, startEvaluationCycle } from '../cycle/evaluation-cycle';

import { EvaluationRound } from './evaluation-round.entity';
import { requireDst } from './round-access';
import { RoundCenter } from './round-center.entity';
import { ROUND, transition } from './round-grading.service';
import { toRoundDto } from './round-view';
import { ROUND_REFUSALS } from './rounds.refusals';

/**
 * A28, A30: DST announces the grades (公告). Each graded center's grade goes out as tic.evaluation.graded
 * (the applications service opens ground (1) on a fail, rectification starts on a basic pass); an
 * excellent one proposes policy support; a preparing center's outcome concludes its preparation (A12).
 */
@Injectable()
export class RoundPublicationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly deadlines: Deadlines,
  ) {}

  publish(input: In<typeof PublishRound>, caller: Caller): Promise<RoundDto> {
    requireDst(caller);
    return this.uow.run(
      PublishRound,
      input,
      async (scope) => {
        const round = await scope.lock(EvaluationRound, input.id, input.version, ROUND);
        const entries = await scope.em.find(RoundCenter, { roundId: round.id });
        const graded = entries.filter((e) => e.status === 'submitted');
        const ungraded = graded.filter((e) => e.grade === null).length;
        transition(scope, round, 'publish', caller, { ungradedCenters: ungraded });
        const undecided = graded.find((e) => e.basis === 'preparation' && e.preparationOutcome === null);
        if (undecided !== undefined)
          throw refuse(ROUND_REFUSALS.preparation_outcome_missing, { centerId: undecided.centerId });
        const today = this.clock.today();
        round.publishedOn = today;
        for (const entry of graded) {
          this.announce(scope, round, entry, today);
          await this.nextCycle(scope.em, entry, today);
        }
        return round;
      },
      (em, round) => toRoundDto(em, round, caller),
    );
  }

  private announce(scope: CommandScope, round: EvaluationRound, entry: RoundCenter, today: string): void {
    const grade = entry.grade ?? 'fail';
    const score = entry.total ?? 0;
    const ref = { evaluationId: entry.id, roundId: round.id, centerId: entry.centerId };
    scope.record(EvaluationGraded, {
      subject: entry.id,
      aggregateVersion: nextEventVersion(entry),
      data: { ...ref, score, grade, gradedOn: today },
    });
    if (grade === 'excellent') {
      scope.record(EvaluationPolicySupportProposed, {
        subject: entry.id,
        aggregateVersion: nextEventVersion(entry),
        data: { ...ref, grade, score, proposedOn: today },
      });
    }
    if (entry.basis === 'preparation' && entry.preparationOutcome !== null) {
      scope.record(EvaluationPreparationConcluded, {
        subject: entry.id,
        aggregateVersion: nextEventVersion(entry),
        data: {
          ...ref,
          outcome: entry.preparationOutcome,
          score,
          grade,
          reason: entry.outcomeReason ?? '',
          decidedOn: today,
        },
      });
    }
  }

  // D-evaluation-cycle (A28): this evaluation meets the current period and starts the next two years.
  private async nextCycle(em: EntityManager, entry: RoundCenter, today: string): Promise<void> {
    if (entry.preparationOutcome === 'terminated') return completeEvaluationCycle(em, this.deadlines, entry.centerId);
    await startEvaluationCycle(em, this.deadlines, entry.centerId, today);
  }
}
