import { FundingAllocated } from '@tic/contracts';
import { fenToYuan, type BudgetLine } from '@tic/domain';
import { type CommandScope, type DirectoryCenter, newId, nextEventVersion } from '@tic/platform';

import { Allocation, type PerformanceTarget } from './allocation.entity';

export const ALLOCATION_AGGREGATE = 'allocation';

export interface NewAllocation {
  readonly center: DirectoryCenter;
  readonly fiscalYear: number;
  readonly purpose: string;
  readonly budget: readonly BudgetLine[];
  readonly targets: readonly Omit<PerformanceTarget, 'id' | 'achievedValue' | 'shortfallReason' | 'met'>[];
  readonly proposalId: string | null;
  readonly carriedOverFrom: string | null;
  readonly createdBy: string;
  readonly allocatedOn: string;
}

/** Persists a new allocation and records tic.funding.allocated in the same transaction. */
export function allocate(scope: CommandScope, input: NewAllocation): Allocation {
  const row = scope.em.create(Allocation, {
    id: newId(),
    centerId: input.center.id,
    fiscalYear: input.fiscalYear,
    purpose: input.purpose,
    allocatedOn: input.allocatedOn,
    proposalId: input.proposalId,
    carriedOverFrom: input.carriedOverFrom,
    budget: input.budget.map((line) => ({ category: line.category, amountFen: line.amountFen })),
    targets: input.targets.map((t) => ({
      id: newId(),
      tier: t.tier,
      dimension: t.dimension,
      indicator: t.indicator,
      unit: t.unit,
      targetValue: t.targetValue,
      direction: t.direction,
      achievedValue: null,
      shortfallReason: null,
      met: null,
    })),
    createdBy: input.createdBy,
  });
  scope.em.persist(row);
  const amountFen = row.budget.reduce((sum, line) => sum + line.amountFen, 0);
  scope.history(row, {
    aggregateType: ALLOCATION_AGGREGATE,
    action: 'allocate',
    to: 'active',
    comment: input.carriedOverFrom === null ? null : `结余结转自 ${input.carriedOverFrom}`,
    article: '第三十三条',
  });
  scope.record(FundingAllocated, {
    subject: row.id,
    aggregateVersion: nextEventVersion(row),
    data: {
      allocationId: row.id,
      centerId: row.centerId,
      fiscalYear: row.fiscalYear,
      amountCny: fenToYuan(amountFen),
      amountFen,
      purpose: row.purpose,
      allocatedOn: row.allocatedOn,
      proposalId: row.proposalId,
      carriedOverFrom: row.carriedOverFrom,
    },
  });
  return row;
}
