import { Entity, EntityRepositoryType, Index, Property } from '@mikro-orm/core';

import type { ApprovalTrack, CenterStatus, LocalizedText } from '@tic/domain';

import { AggregateRoot } from '@tic/platform';

import { CenterRepository } from './center.repository';

/** A provincial Technology Innovation Center in the registry, created by approval (A13(四)). */
@Entity({ tableName: 'center', repository: () => CenterRepository })
// A37: no two centers that are not revoked share a name. A revoked center's name is free again; keyed on the
// status (the state machine's `revoked`), so revocation frees it when it comes without another migration.
@Index({
  name: 'center_name_zh_live_unique',
  expression: `create unique index "center_name_zh_live_unique" on "applications"."center" ("name_zh") where "status" <> 'revoked'`,
})
@Index({
  name: 'center_name_en_live_unique',
  expression: `create unique index "center_name_en_live_unique" on "applications"."center" (lower("name_en")) where "status" <> 'revoked'`,
})
export class Center extends AggregateRoot<
  'filedOn' | 'preparationDeadlineId' | 'previousNames' | 'applicationId' | 'approvalDocument'
> {
  [EntityRepositoryType]?: CenterRepository;

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

  /** The application it was approved on; null for a center approved before the platform (A40). */
  @Property({ type: 'uuid', unique: true, nullable: true })
  applicationId: string | null = null;

  /** A40: the approval document of a center approved before the platform, which DST registered. */
  @Property({ type: 'text', nullable: true })
  approvalDocument: string | null = null;

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

  /**
   * A12 last paragraph: the preparation period of a center approved for preparation is a D-preparation
   * deadline row (its reminders, overdue event and recomputation when a year's calendar is loaded come
   * with it); null for a center approved formally.
   */
  @Property({ type: 'uuid', nullable: true })
  preparationDeadlineId: string | null = null;

  @Property({ type: 'text', nullable: true })
  filedOn: string | null = null;

  /** A26: the names it bore before each filed renaming, oldest first (the history keeps who and why). */
  @Property({ type: 'jsonb' })
  previousNames: PreviousName[] = [];
}

/** A name a center bore until a renaming was filed. */
export interface PreviousName {
  readonly name: LocalizedText;
  readonly until: string;
  readonly changeId: string;
}
