import type { EntityManager } from '@mikro-orm/postgresql';

import { refuse } from '@tic/platform';

import { CommitteeMeeting } from '../committees/committee-meeting.entity';
import { Committee } from '../committees/committee.entity';
import { APPOINTMENT_REFUSALS } from './appointment.refusals';

/**
 * A15: a director is appointed or their post ended after the management committee's review, which is
 * one of that committee's recorded meetings or written reviews (its minutes), not a date the unit states
 * alone. The date given must be one the registry holds for the center's management committee.
 */
export async function assertCommitteeReviewed(em: EntityManager, centerId: string, reviewedOn: string): Promise<void> {
  const committee = await em.getRepository(Committee).findOfCenter(centerId, 'management');
  const held =
    committee === null
      ? 0
      : await em.getRepository(CommitteeMeeting).count({ committeeId: committee.id, heldOn: reviewedOn });
  if (held === 0) throw refuse(APPOINTMENT_REFUSALS.committee_review_not_recorded, { name: reviewedOn });
}
