import { LockMode } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';

import type { ReviewAssignment } from './review-assignment.entity';

const LIVE = { $in: ['assigned', 'scored'] as ReviewAssignment['status'][] };

/** The places of a draw: reviewers, reserves, their scores and recusals. */
export class ReviewAssignmentRepository extends EntityRepository<ReviewAssignment> {
  /** The expert's place in the application's draw, locked for a score or a recusal. */
  findForUpdate(applicationId: string, expertId: string): Promise<ReviewAssignment | null> {
    return this.findOne({ applicationId, expertId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** The first reserve still on standby, locked: who takes a recused reviewer's place. */
  async nextReserveForUpdate(applicationId: string): Promise<ReviewAssignment | null> {
    const [reserve] = await this.find(
      { applicationId, status: 'standby' },
      { orderBy: { rank: 'asc' }, limit: 1, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    return reserve ?? null;
  }

  /** The places drawn for the application that are live: drawn (assigned) or done (scored), not recused or on standby. */
  liveFor(applicationId: string): Promise<ReviewAssignment[]> {
    return this.find({ applicationId, status: LIVE });
  }

  /** The expert's live places, across applications. */
  liveOfExpert(expertId: string): Promise<ReviewAssignment[]> {
    return this.find({ expertId, status: LIVE });
  }

  ofApplication(applicationId: string): Promise<ReviewAssignment[]> {
    return this.find({ applicationId }, { orderBy: { rank: 'asc' } });
  }

  /** A13(三): drawn experts (or the reserves in their place) who have neither scored nor recused. */
  awaitedCount(applicationId: string): Promise<number> {
    return this.count({ applicationId, status: 'assigned' });
  }

  /** A13(三): the shortlist needs the experts' scores. */
  scoredCount(applicationId: string): Promise<number> {
    return this.count({ applicationId, status: 'scored' });
  }
}
