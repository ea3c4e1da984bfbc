import { centerLifecycle } from '@tic/domain';
import type { Deadlines } from '@tic/deadlines';
import type { CommandScope } from '@tic/platform';

import type { Center } from './center.entity';
import { type CenterMover, moveCenter } from './center-standing';

/** A12 last paragraph: how the evaluation at the end of a preparation period came out. */
export interface PreparationEnd {
  readonly outcome: 'operating' | 'terminated';
  readonly reason: string;
  readonly decidedOn: string;
  readonly mover: CenterMover;
}

/**
 * A12 last paragraph: the center enters formal management or its preparation ends, as the center state
 * machine allows; DST's RPC and the evaluations service's tic.evaluation.preparation_concluded both end here.
 */
export async function endPreparation(
  scope: CommandScope,
  deadlines: Deadlines,
  center: Center,
  end: PreparationEnd,
): Promise<void> {
  const action = end.outcome === 'operating' ? 'complete_preparation' : 'terminate_preparation';
  const decision = scope.decide(
    centerLifecycle.decide(center.status, action, end.mover.role, {
      reason: end.reason,
      preparationEvaluationPassed: end.outcome === 'operating',
    }),
  );
  moveCenter(scope, center, { action, decision, reason: end.reason, changedOn: end.decidedOn, caller: end.mover });
  // The period is over: its D-preparation deadline neither reminds nor falls overdue any more.
  if (center.preparationDeadlineId !== null) await deadlines.complete(scope.em, center.preparationDeadlineId);
}
