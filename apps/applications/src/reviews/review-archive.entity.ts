import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A finished round of expert review, kept when the application went back before a decision. */
@Entity({ tableName: 'review_archive' })
@Index({ properties: ['applicationId'] })
export class ReviewArchive {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  applicationId!: string;

  @Property({ type: 'text' })
  reason!: string;

  /** The draw (seed, pool) and every assignment with its score and opinion. */
  @Property({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  archivedAt!: Date;
}
