import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The draw of experts for one application; the seed reproduces it. */
@Entity({ tableName: 'review_draw' })
export class ReviewDraw {
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
