import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import type { ApprovalTrack, CenterStatus } from '@tic/domain';

/**
 * A service's copy of one center of the registry (the applications service owns it): what a service
 * other than the registry needs to decide who may see or act on a center and to report by city and field.
 * Kept in step by `centerDirectorySubscription`, in the service's own schema.
 */
@Entity({ tableName: 'center_directory' })
export class DirectoryCenter {
  [OptionalProps]?: 'preparationEndsOn' | 'regionCode' | 'closedOn' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  nameZh!: string;

  @Property({ type: 'text' })
  nameEn!: string;

  @Property({ type: 'text' })
  fieldZh!: string;

  @Property({ type: 'text' })
  fieldEn!: string;

  @Property({ type: 'text', index: true })
  status!: CenterStatus;

  @Property({ type: 'text' })
  track!: ApprovalTrack;

  @Property({ type: 'uuid', index: true })
  supportingUnitId!: string;

  @Property({ type: 'uuid', index: true })
  constructionUnitId!: string;

  @Property({ type: 'uuid', index: true })
  recommenderId!: string;

  @Property({ type: 'jsonb' })
  coBuilderIds!: string[];

  /** The supporting unit's division code; null for a center established before events carried it. */
  @Property({ type: 'text', nullable: true })
  @Index()
  regionCode: string | null = null;

  @Property({ type: 'date' })
  establishedOn!: string;

  @Property({ type: 'date', nullable: true })
  preparationEndsOn: string | null = null;

  /** The day it was revoked, terminated or graduated. */
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
