import type { EntityManager } from '@mikro-orm/postgresql';

import { centerLifecycle, type CenterStatus } from '@tic/domain';
import type { Deadlines } from '@tic/deadlines';
import { CommandScope, defineSubscription, type EventOutbox, type EventSubscription } from '@tic/platform';

import { Center } from './center.entity';
import { type CenterMover, moveCenter } from './center-standing';
import { endPreparation } from './preparation-end';

/** The platform carrying out a result the evaluations service recorded (DST decided it there). */
const EVALUATIONS_MOVER: CenterMover = { userId: 'system', name: '平台（评估评价结果）', role: 'system' };

/**
 * A12, A30: the center's status follows the evaluations service's results. A preparation evaluation
 * concludes the preparation; a basic pass's rectification puts the center under rectification and a
 * passed acceptance returns it to operation (a failed one opens a revocation case on ground (2), see
 * revocation-intake.subscription.ts). A result about a center already elsewhere in its lifecycle (DST
 * moved it by hand, or a redelivery) changes nothing. One subscription per aggregate (nats-server 2.9).
 */
export function centerStatusSubscriptions(outbox: EventOutbox, deadlines: Deadlines): EventSubscription[] {
  return [
    defineSubscription({
      name: 'center-status-evaluation',
      aggregate: 'evaluation',
      on: {
        'tic.evaluation.graded': 'ignore',
        'tic.evaluation.not_participated': 'ignore',
        'tic.evaluation.policy_support_proposed': 'ignore',
        'tic.evaluation.preparation_concluded': async (em, { data }) => {
          const center = await lockCenterIn(em, data.centerId, 'preparing');
          if (center === null) return;
          const scope = new CommandScope(em, outbox, undefined, null);
          await endPreparation(scope, deadlines, center, {
            outcome: data.outcome,
            reason: data.reason,
            decidedOn: data.decidedOn,
            mover: EVALUATIONS_MOVER,
          });
          await scope.flush();
        },
      },
    }),
    defineSubscription({
      name: 'center-status-rectification',
      aggregate: 'rectification',
      on: {
        'tic.rectification.started': async (em, { data }) => {
          const center = await lockCenterIn(em, data.centerId, 'operating');
          if (center === null) return;
          const scope = new CommandScope(em, outbox, undefined, null);
          const decision = scope.decide(
            centerLifecycle.decide(center.status, 'start_rectification', 'system', { grade: 'basic_pass' }),
          );
          const reason = `评估评价结果为基本合格，限期整改至${data.dueOn}（tic.rectification.started ${data.rectificationId}）`;
          moveCenter(scope, center, {
            action: 'start_rectification',
            decision,
            reason,
            changedOn: data.startedOn,
            caller: EVALUATIONS_MOVER,
          });
          await scope.flush();
        },
        'tic.rectification.accepted': async (em, { data }) => {
          // A31(二): a failed acceptance leaves the center rectifying until DST decides the revocation case.
          if (!data.passed) return;
          const center = await lockCenterIn(em, data.centerId, 'rectifying');
          if (center === null) return;
          const scope = new CommandScope(em, outbox, undefined, null);
          const decision = scope.decide(
            centerLifecycle.decide(center.status, 'accept_rectification', 'system', { rectificationAccepted: true }),
          );
          moveCenter(scope, center, {
            action: 'accept_rectification',
            decision,
            reason: `整改验收通过（${data.acceptedOn}，tic.rectification.accepted ${data.rectificationId}）`,
            changedOn: data.acceptedOn,
            caller: EVALUATIONS_MOVER,
          });
          await scope.flush();
        },
      },
    }),
  ];
}

/** The center, locked, when it stands where the result applies; null (nothing to do) when it does not. */
async function lockCenterIn(em: EntityManager, centerId: string, expected: CenterStatus): Promise<Center | null> {
  const center = await em.getRepository(Center).findForUpdate(centerId);
  // This service registers every center, so an unknown one will not appear later: nothing to move.
  if (center === null) return null;
  return center.status === expected ? center : null;
}
