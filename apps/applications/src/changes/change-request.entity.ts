import { Entity, EntityRepositoryType, Property } from '@mikro-orm/core';

import type { CenterField, ChangeStatus, LocalizedText } from '@tic/domain';
import { AggregateRoot } from '@tic/platform';

import { ChangeRequestRepository } from './change-request.repository';

/** A26: the units a reorganization leaves the center with (the construction unit only when it changes). */
export interface Reorganization {
  readonly supportingUnitId: string;
  readonly coBuilderIds: readonly string[];
  readonly constructionUnitId: string | null;
}

/** The center as it stood before a filed change, kept with the change. */
export interface CenterBeforeChange {
  readonly name: LocalizedText;
  readonly field: CenterField;
  readonly units: {
    readonly supportingUnitId: string;
    readonly coBuilderIds: string[];
    readonly constructionUnitId: string;
    readonly recommenderId: string;
  };
}

/**
 * A26: a change report of a center (更名、主要研究方向变更、依托单位或共建单位重大调整、重组), written by the
 * construction unit, argued by the management committee, consented to by the recommender, filed by DST.
 */
@Entity({ tableName: 'center_change', repository: () => ChangeRequestRepository })
export class ChangeRequest extends AggregateRoot<
  | 'updatedAt'
  | 'status'
  | 'description'
  | 'rename'
  | 'direction'
  | 'reorganization'
  | 'committeeReviewOn'
  | 'filingDeadlineId'
  | 'filedOn'
  | 'previous'
> {
  [EntityRepositoryType]?: ChangeRequestRepository;

  @Property({ type: 'uuid', index: true })
  centerId!: string;

  @Property({ type: 'text', index: true })
  status: ChangeStatus = 'draft';

  /** The date of the change decision; D-change-filing runs 30 working days from it. */
  @Property({ type: 'text' })
  decidedOn!: string;

  @Property({ type: 'text' })
  reportRef!: string;

  @Property({ type: 'text' })
  description: string = '';

  /** 更名: the field the new A37 names are built from. */
  @Property({ type: 'jsonb', nullable: true })
  rename: CenterField | null = null;

  /** 主要研究方向变更: the new field. */
  @Property({ type: 'jsonb', nullable: true })
  direction: CenterField | null = null;

  @Property({ type: 'jsonb', nullable: true })
  reorganization: Reorganization | null = null;

  /** The management committee's meeting or written review the supporting unit named when it passed the report. */
  @Property({ type: 'text', nullable: true })
  committeeReviewOn: string | null = null;

  /** The D-change-filing deadline row, from the first submission on. */
  @Property({ type: 'uuid', nullable: true })
  filingDeadlineId: string | null = null;

  @Property({ type: 'text', nullable: true })
  filedOn: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  previous: CenterBeforeChange | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
