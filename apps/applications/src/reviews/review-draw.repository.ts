import { EntityRepository } from '@mikro-orm/postgresql';

import type { ReviewDraw } from './review-draw.entity';

/** A13(三): the draw of experts for each application, one at a time. */
export class ReviewDrawRepository extends EntityRepository<ReviewDraw> {
  /** The application's current draw; null before the draw or after the review was archived. */
  ofApplication(applicationId: string): Promise<ReviewDraw | null> {
    return this.findOne({ applicationId });
  }
}
