import {
  defineSubscription,
  DirectoryCenter,
  EventNotYetKnownError,
  type EventSubscription,
  newId,
} from '@tic/platform';

import { PolicySupportProposal } from './policy-support-proposal.entity';

/**
 * A30, A33: an excellent grade proposes policy support; the funding service keeps each proposal for
 * DST to answer by an allocation or to decline. One proposal per evaluation: a redelivered event adds none.
 */
export function proposalRecordingSubscription(): EventSubscription {
  return defineSubscription({
    name: 'policy-support',
    aggregate: 'evaluation',
    on: {
      'tic.evaluation.policy_support_proposed': async (em, { data }) => {
        if ((await em.count(PolicySupportProposal, { evaluationId: data.evaluationId })) > 0) return;
        if ((await em.count(DirectoryCenter, { id: data.centerId })) === 0) {
          throw new EventNotYetKnownError(`center ${data.centerId} is not in the directory yet`);
        }
        em.persist(
          em.create(PolicySupportProposal, {
            id: newId(),
            evaluationId: data.evaluationId,
            roundId: data.roundId,
            centerId: data.centerId,
            score: data.score,
            proposedOn: data.proposedOn,
          }),
        );
      },
      'tic.evaluation.graded': 'ignore',
      'tic.evaluation.preparation_concluded': 'ignore',
      'tic.evaluation.not_participated': 'ignore',
    },
  });
}
