import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import type { ApprovalTrack, CenterStatus } from '@tic/domain';

/** A provincial Technology Innovation Center in the registry, created by approval (A13(四)). */
@Entity({ tableName: 'center' })
export class Center {
  [OptionalProps]?: 'eventVersion' | 'version' | 'createdAt' | 'filedOn';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  /** Number of the last event published about it (see common/event-version.ts). */
  @Property({ type: 'integer' })
  eventVersion: number = 0;

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

  @Property({ type: 'uuid', unique: true })
  applicationId!: string;

  @Property({ type: 'uuid', index: true })
  supportingUnitId!: string;

  @Property({ type: 'jsonb' })
  coBuilderIds!: string[];

  @Property({ type: 'uuid' })
  constructionUnitId!: string;

  @Property({ type: 'uuid', index: true })
  recommenderId!: string;

  @Property({ type: 'text' })
  regionCode!: string;

  @Property({ type: 'text' })
  establishedOn!: string;

  @Property({ type: 'text', nullable: true })
  preparationEndsOn!: string | null;

  @Property({ type: 'boolean', nullable: true })
  preparationEndsOnProvisional!: boolean | null;

  @Property({ type: 'text', nullable: true })
  filedOn: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
