import { DEADLINE_KINDS } from '@tic/domain';

import type { Deadline } from '../entities/deadline.entity';

/** The fields every deadline event carries (tic.deadline.reminder, tic.deadline.overdue). */
export function deadlineEventData(deadline: Deadline) {
  return {
    deadlineId: deadline.id,
    kind: deadline.kind,
    article: DEADLINE_KINDS[deadline.kind].article,
    subjectId: deadline.subjectId,
    ...(deadline.centerId === null ? {} : { centerId: deadline.centerId }),
    dueOn: deadline.dueOn,
    provisional: deadline.provisional,
  };
}
