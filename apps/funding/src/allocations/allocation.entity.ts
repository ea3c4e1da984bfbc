import { Entity, EntityRepositoryType, Index, Property } from '@mikro-orm/core';

import type {
  AllocationStatus,
  BudgetLine,
  ExpenseCategory,
  PerformanceRating,
  PerformanceTier,
  PerformanceDimension,
  TargetDirection,
  YearEndDecision,
} from '@tic/domain';
import { AggregateRoot } from '@tic/platform';

import { AllocationRepository } from './allocation.repository';

/** A35: one performance target, and the supporting unit's self-evaluation of it. */
export interface PerformanceTarget {
  readonly id: string;
  readonly tier: PerformanceTier;
  readonly dimension: PerformanceDimension;
  readonly indicator: string;
  readonly unit: string;
  readonly targetValue: number;
  readonly direction: TargetDirection;
  achievedValue: number | null;
  shortfallReason: string | null;
  met: boolean | null;
}

export interface AllocationRating {
  readonly rating: PerformanceRating;
  readonly comment: string;
  readonly ratedOn: string;
}

export interface AllocationYearEnd {
  readonly decision: YearEndDecision;
  readonly balanceFen: number;
  readonly reason: string;
  readonly decidedOn: string;
  readonly carriedOverTo: string | null;
}

/**
 * A33–A36: provincial funds allocated by DST to a center for a fiscal year, with a budget by expense
 * category and performance targets. The row is locked for every ledger entry, so that the spent amounts
 * it keeps by category and the entries' sequence never race.
 */
@Entity({ tableName: 'allocation', repository: () => AllocationRepository })
@Index({ properties: ['centerId', 'fiscalYear'] })
export class Allocation extends AggregateRoot<
  | 'status'
  | 'proposalId'
  | 'carriedOverFrom'
  | 'spent'
  | 'entryCount'
  | 'selfEvaluatedOn'
  | 'rating'
  | 'yearEnd'
  | 'updatedAt'
> {
  [EntityRepositoryType]?: AllocationRepository;

  @Property({ type: 'uuid', index: true })
  centerId!: string;

  @Property({ type: 'integer' })
  fiscalYear!: number;

  @Property({ type: 'text' })
  purpose!: string;

  @Property({ type: 'text', index: true })
  status: AllocationStatus = 'active';

  @Property({ type: 'date' })
  allocatedOn!: string;

  @Property({ type: 'uuid', nullable: true })
  proposalId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  carriedOverFrom: string | null = null;

  /** The budget: one line per category, in fen. */
  @Property({ type: 'jsonb' })
  budget!: BudgetLine[];

  /** What the ledger's entries sum to, by category (expenditures less reversals), in fen. */
  @Property({ type: 'jsonb' })
  spent: Partial<Record<ExpenseCategory, number>> = {};

  /** How many ledger entries it has: the next entry's sequence is one more. */
  @Property({ type: 'integer' })
  entryCount: number = 0;

  @Property({ type: 'jsonb' })
  targets!: PerformanceTarget[];

  @Property({ type: 'date', nullable: true })
  selfEvaluatedOn: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  rating: AllocationRating | null = null;

  @Property({ type: 'jsonb', nullable: true })
  yearEnd: AllocationYearEnd | null = null;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
