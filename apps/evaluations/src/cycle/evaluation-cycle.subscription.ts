import type { Deadlines } from '@tic/deadlines';
import { isCenterClosed } from '@tic/domain';
import { defineSubscription, type EventSubscription } from '@tic/platform';

import { cancelEvaluationCycle, startFirstEvaluationCycle } from './evaluation-cycle';

/**
 * A28, D-evaluation-cycle: an operating center's first cycle runs from its approval. A center approved for
 * preparation is evaluated at the end of its year instead (A12, D-preparation, the applications service's),
 * so its first cycle starts the day it becomes operating. Overdue needs no handler of ours: the kit's
 * tic.deadline.overdue tells DST that a round is owed, and a late round still completes the period.
 */
export function evaluationCycleSubscription(deadlines: Deadlines): EventSubscription {
  return defineSubscription({
    name: 'evaluation-cycle',
    aggregate: 'center',
    on: {
      'tic.center.established': async (em, { data }) => {
        if (data.status !== 'operating') return;
        await startFirstEvaluationCycle(em, deadlines, data.centerId, data.establishedOn);
      },
      'tic.center.status_changed': async (em, { data }) => {
        if (isCenterClosed(data.to)) return cancelEvaluationCycle(em, deadlines, data.centerId);
        if (data.from === 'preparing' && data.to === 'operating')
          await startFirstEvaluationCycle(em, deadlines, data.centerId, data.changedOn);
      },
      // The status change to revoked or graduated comes too; either one arriving first cancels.
      'tic.center.revoked': async (em, { data }) => cancelEvaluationCycle(em, deadlines, data.centerId),
      'tic.center.graduated': async (em, { data }) => cancelEvaluationCycle(em, deadlines, data.centerId),
      'tic.center.renamed': 'ignore',
      'tic.center.direction_changed': 'ignore',
      'tic.center.units_changed': 'ignore',
      'tic.center.filed': 'ignore',
      'tic.center.preparation_overdue': 'ignore',
    },
  });
}
