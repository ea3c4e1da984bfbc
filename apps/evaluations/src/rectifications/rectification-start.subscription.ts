import { RectificationStarted } from '@tic/contracts';
import { gradeConsequence } from '@tic/domain';
import type { Deadlines } from '@tic/deadlines';
import {
  CommandScope,
  defineSubscription,
  DirectoryCenter,
  EventNotYetKnownError,
  type EventOutbox,
  type EventSubscription,
  newId,
  nextEventVersion,
} from '@tic/platform';

import { Rectification } from './rectification.entity';
import { RECTIFICATION_AGGREGATE, SYSTEM_ACTOR } from './rectification-view';

/**
 * A30: a basic pass gives a center in operation one year to rectify (D-rectification from the day of the
 * grade, reminded 30, 7 and 1 days before; tic.deadline.overdue tells DST when it passes without a
 * request). One rectification per evaluation: a redelivered grade starts none again.
 */
export function rectificationStartSubscription(outbox: EventOutbox, deadlines: Deadlines): EventSubscription {
  return defineSubscription({
    name: 'rectification-start',
    aggregate: 'evaluation',
    on: {
      'tic.evaluation.preparation_concluded': 'ignore',
      'tic.evaluation.policy_support_proposed': 'ignore',
      'tic.evaluation.not_participated': 'ignore',
      'tic.evaluation.graded': async (em, { data }) => {
        if (gradeConsequence(data.grade).kind !== 'rectification') return;
        const center = await em.findOne(DirectoryCenter, { id: data.centerId });
        if (center === null) throw new EventNotYetKnownError(`center ${data.centerId} is not in the directory yet`);
        // A30 applies to a center in formal management; one already rectifying keeps its rectification.
        if (center.status !== 'operating') return;
        if ((await em.count(Rectification, { evaluationId: data.evaluationId })) > 0) return;
        const id = newId();
        const deadline = await deadlines.schedule(em, {
          kind: 'D-rectification',
          subjectId: id,
          centerId: center.id,
          start: data.gradedOn,
        });
        const row = em.create(Rectification, {
          id,
          centerId: center.id,
          evaluationId: data.evaluationId,
          startedOn: data.gradedOn,
          deadlineId: deadline.id,
        });
        em.persist(row);
        const scope = new CommandScope(em, outbox, undefined, null);
        scope.history(row, {
          aggregateType: RECTIFICATION_AGGREGATE,
          action: 'start',
          from: null,
          to: 'rectifying',
          comment: `评估评价结果为基本合格（${data.gradedOn}，得分${data.score}），限期整改至${deadline.dueOn}`,
          article: '第三十条',
          actor: SYSTEM_ACTOR,
        });
        scope.record(RectificationStarted, {
          subject: row.id,
          aggregateVersion: nextEventVersion(row),
          data: {
            rectificationId: row.id,
            centerId: center.id,
            evaluationId: data.evaluationId,
            startedOn: data.gradedOn,
            dueOn: deadline.dueOn,
            dueOnProvisional: deadline.provisional,
          },
        });
        await scope.flush();
      },
    },
  });
}
