import { Entity, EntityRepositoryType, Property, Unique } from '@mikro-orm/core';

import type { RectificationStatus } from '@tic/domain';
import { AggregateRoot } from '@tic/platform';

import { RectificationRepository } from './rectification.repository';

/** A document the construction unit gives as evidence of what it rectified. */
export interface RectificationEvidence {
  readonly ref: string;
  readonly description: string;
}

/** One expert drawn for the acceptance, and their score once given. */
export interface AcceptanceExpert {
  readonly expertId: string;
  readonly userId: string;
  readonly name: string;
  readonly orgId: string;
  score: number | null;
  opinion: string | null;
  scoredAt: string | null;
}

/**
 * A30: the year of rectification a basic pass gives a center, and its acceptance (整改验收): the
 * construction unit's request, the supporting unit's and recommender's reviews, DST's expert acceptance.
 */
@Entity({ tableName: 'rectification', repository: () => RectificationRepository })
export class Rectification extends AggregateRoot<
  | 'status'
  | 'rectified'
  | 'evidence'
  | 'drawSeed'
  | 'drawPool'
  | 'drawnOn'
  | 'experts'
  | 'expertUserIds'
  | 'passed'
  | 'decisionReason'
  | 'decidedOn'
  | 'updatedAt'
> {
  [EntityRepositoryType]?: RectificationRepository;

  @Property({ type: 'uuid', index: true })
  centerId!: string;

  /** One rectification per evaluation: a redelivered grade starts none again. */
  @Property({ type: 'uuid' })
  @Unique()
  evaluationId!: string;

  @Property({ type: 'text', index: true })
  status: RectificationStatus = 'rectifying';

  /** The day the grade was announced; D-rectification runs one year from it. */
  @Property({ type: 'date' })
  startedOn!: string;

  @Property({ type: 'uuid' })
  deadlineId!: string;

  @Property({ type: 'text' })
  rectified: string = '';

  @Property({ type: 'jsonb' })
  evidence: RectificationEvidence[] = [];

  @Property({ type: 'text', nullable: true })
  drawSeed: string | null = null;

  /** The eligible experts in the order the draw shuffled them; with the seed it reproduces the draw. */
  @Property({ type: 'jsonb', nullable: true })
  drawPool: string[] | null = null;

  @Property({ type: 'date', nullable: true })
  drawnOn: string | null = null;

  @Property({ type: 'jsonb' })
  experts: AcceptanceExpert[] = [];

  /** The drawn experts' users: whom the acceptance is shown to (read scope `assignedUserIds`). */
  @Property({ type: 'jsonb' })
  expertUserIds: string[] = [];

  @Property({ type: 'boolean', nullable: true })
  passed: boolean | null = null;

  @Property({ type: 'text', nullable: true })
  decisionReason: string | null = null;

  @Property({ type: 'date', nullable: true })
  decidedOn: string | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
