import { EntityRepository } from '@mikro-orm/postgresql';

import type { CommitteeMeeting } from './committee-meeting.entity';

/** The meetings of committees (A16, A17: at least once a year). */
export class CommitteeMeetingRepository extends EntityRepository<CommitteeMeeting> {
  /** The meetings of these committees, latest first. */
  ofCommittees(committeeIds: readonly string[]): Promise<CommitteeMeeting[]> {
    return committeeIds.length === 0
      ? Promise.resolve([])
      : this.find({ committeeId: { $in: [...committeeIds] } }, { orderBy: { heldOn: 'desc' } });
  }
}
