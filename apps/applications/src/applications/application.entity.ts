import { Entity, EntityRepositoryType, Index, Property } from '@mikro-orm/core';

import type { ApplicationStatus, ApprovalTrack, RuleId, WaivedFinding, WaiverLapse } from '@tic/domain';

import { AggregateRoot } from '@tic/platform';

import { ApplicationRepository } from './application.repository';

/** A12(二): an achievement or a cooperation mechanism with its evidence metadata. */
export interface Declaration {
  title: string;
  description: string;
  evidence: { fileName: string; sizeBytes: number; sha256: string; ref: string }[];
}

/** DOMAIN.md §2: DST's waiver of a principle rule, kept and shown. */
export interface Waiver {
  rule: RuleId;
  article: string;
  reason: string;
  recordedBy: string;
  recordedAt: string;
  /** DOMAIN.md §3: the finding as it stood when waived (absent on waivers recorded before this was kept). */
  finding?: WaivedFinding;
  /** Set when the waiver lapsed by an event (returned, edited): from then on it waives nothing. */
  lapsed?: (WaiverLapse & { on?: string }) | null;
}

/** An application (申报) for a provincial Technology Innovation Center (A12, A13). */
@Entity({ tableName: 'application', repository: () => ApplicationRepository })
@Index({ properties: ['status'] })
export class Application extends AggregateRoot<
  | 'updatedAt'
  | 'status'
  | 'waivers'
  | 'centerId'
  | 'track'
  | 'coBuilderIds'
  | 'coBuildersConfirmedAt'
  | 'returnedOn'
  | 'reviseBy'
> {
  [EntityRepositoryType]?: ApplicationRepository;

  @Property({ type: 'text' })
  status: ApplicationStatus = 'draft';

  @Property({ type: 'uuid', index: true })
  callId!: string;

  @Property({ type: 'uuid', index: true })
  constructionUnitId!: string;

  @Property({ type: 'uuid', index: true })
  supportingUnitId!: string;

  /** A10: the co-building units the construction unit names. */
  @Property({ type: 'jsonb' })
  proposedCoBuilderIds!: string[];

  /** A10: those the supporting unit confirmed; only they read the application and are kept out of the draw. */
  @Property({ type: 'jsonb' })
  coBuilderIds: string[] = [];

  @Property({ type: 'timestamptz', nullable: true })
  coBuildersConfirmedAt: Date | null = null;

  @Property({ type: 'uuid', index: true })
  recommenderId!: string;

  @Property({ type: 'text' })
  regionCode!: string;

  @Property({ type: 'text' })
  fieldZh!: string;

  @Property({ type: 'text' })
  fieldEn!: string;

  @Property({ type: 'double' })
  areaM2!: number;

  @Property({ type: 'double' })
  equipmentValueCny!: number;

  @Property({ type: 'integer' })
  technicalLeaders!: number;

  @Property({ type: 'integer' })
  fullTimeStaff!: number;

  @Property({ type: 'jsonb' })
  achievements!: Declaration[];

  @Property({ type: 'jsonb' })
  cooperation!: Declaration[];

  @Property({ type: 'text' })
  requestedTrack!: ApprovalTrack;

  @Property({ type: 'text', nullable: true })
  track: ApprovalTrack | null = null;

  @Property({ type: 'jsonb' })
  waivers: Waiver[] = [];

  @Property({ type: 'uuid', nullable: true })
  centerId: string | null = null;

  /** A11: the day a reviewer last returned it; a submission after that is a resubmission, outside the call window. */
  @Property({ type: 'text', nullable: true })
  returnedOn: string | null = null;

  /** A11, D-revision: the date the returning reviewer set for the resubmission, if any. */
  @Property({ type: 'text', nullable: true })
  reviseBy: string | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Evidence attachments declared for A12(二). */
  evidenceCount(): number {
    return [...this.achievements, ...this.cooperation].reduce((n, d) => n + d.evidence.length, 0);
  }
}
