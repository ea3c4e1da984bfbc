import { Entity, EntityRepositoryType, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import { ReviewAssignmentRepository } from './review-assignment.repository';

export type AssignmentRole = 'reviewer' | 'reserve';
export type AssignmentStatus = 'assigned' | 'scored' | 'recused' | 'standby';

/** An expert's place in a draw: a reviewer who scores, or a reserve who stands by (回避 replaces). */
@Entity({ tableName: 'review_assignment', repository: () => ReviewAssignmentRepository })
@Index({ properties: ['applicationId', 'rank'] })
export class ReviewAssignment {
  [EntityRepositoryType]?: ReviewAssignmentRepository;

  [OptionalProps]?: 'score' | 'opinion' | 'scoredAt' | 'recusalReason';

  @PrimaryKey({ type: 'uuid' })
  applicationId!: string;

  @PrimaryKey({ type: 'uuid' })
  expertId!: string;

  /** Place in the draw: reviewers first, then reserves in the order they are called. */
  @Property({ type: 'integer' })
  rank!: number;

  @Property({ type: 'text' })
  role!: AssignmentRole;

  @Property({ type: 'text' })
  status!: AssignmentStatus;

  @Property({ type: 'double', nullable: true })
  score: number | null = null;

  @Property({ type: 'text', nullable: true })
  opinion: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  scoredAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  recusalReason: string | null = null;
}
