import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';

import { ReviewDrawRepository } from './review-draw.repository';

/** The draw of experts for one application; the seed reproduces it. */
@Entity({ tableName: 'review_draw', repository: () => ReviewDrawRepository })
export class ReviewDraw {
  [EntityRepositoryType]?: ReviewDrawRepository;

  @PrimaryKey({ type: 'uuid' })
  applicationId!: string;

  @Property({ type: 'text' })
  seed!: string;

  @Property({ type: 'integer' })
  reviewers!: number;

  @Property({ type: 'integer' })
  reserves!: number;

  /** Ids of the experts eligible at the time of the draw, in the order the draw shuffled. */
  @Property({ type: 'jsonb' })
  pool!: string[];

  @Property({ type: 'text' })
  drawnBy!: string;

  @Property({ type: 'timestamptz' })
  drawnAt!: Date;
}
