import type { EntityManager } from '@mikro-orm/postgresql';

import { newId } from '@tic/platform';
import { ReviewArchive } from './review-archive.entity';
import { ReviewAssignment } from './review-assignment.entity';
import { ReviewDraw } from './review-draw.entity';

/**
 * Closes the current round of expert review of an application that goes back for revision or is
 * rejected: the draw and its scores are kept in the archive, and a resubmission gets a fresh draw
 * whose scores alone count for the shortlist.
 */
export async function archiveReview(em: EntityManager, applicationId: string, reason: string): Promise<void> {
  const draw = await em.getRepository(ReviewDraw).ofApplication(applicationId);
  if (!draw) return;
  const assignments = await em.getRepository(ReviewAssignment).ofApplication(applicationId);
  em.persist(
    em.create(ReviewArchive, {
      id: newId(),
      applicationId,
      reason,
      archivedAt: new Date(),
      snapshot: {
        seed: draw.seed,
        reviewers: draw.reviewers,
        reserves: draw.reserves,
        pool: draw.pool,
        drawnBy: draw.drawnBy,
        drawnAt: draw.drawnAt.toISOString(),
        assignments: assignments.map((a) => ({
          expertId: a.expertId,
          rank: a.rank,
          role: a.role,
          status: a.status,
          score: a.score,
          opinion: a.opinion,
          recusalReason: a.recusalReason,
        })),
      },
    }),
  );
  em.remove([draw, ...assignments]);
}
