import { z } from 'zod';

import {
  ALLOCATION_STATUSES,
  PERFORMANCE_DIMENSION_NAMES,
  PERFORMANCE_RATINGS,
  PERFORMANCE_TIERS,
  TARGET_DIRECTIONS,
  YEAR_END_DECISIONS,
} from '@tic/domain';

import { entityId, instant, isoDate, queryYear } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion, pageOf, pageRequest } from '../paging';
import { executionRate, expenseCategorySchema, fen, MAX_FEN, positiveFen } from './money';

const fiscalYear = z.number().int().min(2000).max(2100);

/** One line of an allocation's budget: what may be spent in one expense category (A34). */
export const budgetLineSchema = z.object({ category: expenseCategorySchema, amountFen: positiveFen });

/** A35: one performance target as DST sets it with the allocation. */
export const performanceTargetInput = z.object({
  tier: z.enum(PERFORMANCE_TIERS).describe('一级指标: output, effect or satisfaction'),
  dimension: z.enum(PERFORMANCE_DIMENSION_NAMES).describe('二级指标; must belong to the tier'),
  indicator: z.string().trim().min(1).max(500).describe('三级指标, e.g. 发明专利授权数'),
  unit: z.string().trim().min(1).max(50),
  targetValue: z.number(),
  direction: z.enum(TARGET_DIRECTIONS).default('at_least'),
});

export const performanceTargetSchema = performanceTargetInput.extend({
  id: entityId,
  achievedValue: z.number().nullable().describe('the units’ year-end self-evaluation'),
  shortfallReason: z.string().nullable().describe('required when the achieved value misses the target'),
  met: z.boolean().nullable().describe('null until self-evaluated'),
});

export const allocationStatusSchema = z.enum(ALLOCATION_STATUSES);

export const categoryBalanceSchema = z.object({
  category: expenseCategorySchema,
  budgetFen: fen,
  spentFen: fen,
  remainingFen: fen,
});

export const allocationSchema = z.object({
  id: entityId,
  version: z.number().int(),
  centerId: entityId,
  centerName: z.string(),
  city: z.string().nullable().describe('the division code of the center’s city'),
  fiscalYear,
  purpose: z.string(),
  status: allocationStatusSchema,
  allocatedOn: isoDate,
  proposalId: entityId.nullable().describe('the policy-support proposal it answers (A30, A33), if any'),
  carriedOverFrom: entityId.nullable().describe('the previous year’s allocation whose balance it carries (结余结转)'),
  totalFen: fen,
  spentFen: fen,
  remainingFen: fen,
  executionRate,
  balances: z.array(categoryBalanceSchema),
  targets: z.array(performanceTargetSchema),
  selfEvaluatedOn: isoDate.nullable(),
  rating: z
    .object({ rating: z.enum(PERFORMANCE_RATINGS), comment: z.string(), ratedOn: isoDate })
    .nullable()
    .describe('DST’s rating of the year’s performance'),
  yearEnd: z
    .object({
      decision: z.enum(YEAR_END_DECISIONS),
      balanceFen: fen,
      reason: z.string(),
      decidedOn: isoDate,
      carriedOverTo: entityId.nullable(),
    })
    .nullable()
    .describe('结余结转: what became of the unspent balance'),
  createdAt: instant,
});
export type AllocationDto = z.output<typeof allocationSchema>;

export const CreateAllocation = defineRpc({
  service: 'funding',
  operation: 'allocations.create',
  summary:
    'A33–A35: DST allocates provincial funds to a center for a year, with a budget by category and performance targets',
  request: z.object({
    centerId: entityId,
    fiscalYear,
    purpose: z.string().trim().min(1).max(1000),
    budget: z
      .array(budgetLineSchema)
      .min(1)
      .max(4)
      .refine((lines) => lines.reduce((sum, line) => sum + line.amountFen, 0) <= MAX_FEN, {
        error: `the lines together exceed ${MAX_FEN} fen`,
      })
      .describe('one line per category; the total is the allocation, at most 10^15 fen'),
    targets: z.array(performanceTargetInput).min(1).max(100),
    proposalId: entityId.optional().describe('the policy-support proposal this allocation answers'),
  }),
  response: allocationSchema,
});

export const GetAllocation = defineRpc({
  service: 'funding',
  operation: 'allocations.get',
  summary: 'An allocation with its balances by category, execution rate, targets and year-end outcome',
  request: z.object({ allocationId: entityId }),
  response: allocationSchema,
});

export const ListAllocations = defineRpc({
  service: 'funding',
  operation: 'allocations.list',
  summary: 'Allocations the caller may see, newest first, by center, city, year or status',
  request: z.object({
    centerId: entityId.optional(),
    city: z
      .string()
      .regex(/^\d{6}$/)
      .optional()
      .describe('a city’s division code'),
    fiscalYear: queryYear.optional(),
    status: allocationStatusSchema.optional(),
    ...pageRequest,
  }),
  response: pageOf(allocationSchema),
});

export const CloseAllocationYear = defineRpc({
  service: 'funding',
  operation: 'allocations.close_year',
  summary:
    'A34 结余结转: DST closes an allocation at year end; its unspent balance is carried over to next year or returned',
  request: z.object({
    allocationId: entityId,
    version: expectedVersion,
    decision: z.enum(YEAR_END_DECISIONS),
    reason: z.string().trim().min(1).max(2000),
  }),
  response: allocationSchema,
});

export const SelfEvaluateAllocation = defineRpc({
  service: 'funding',
  operation: 'allocations.self_evaluate',
  summary: 'A35: the supporting unit reports the achieved value of each target, with a reason for any shortfall',
  request: z.object({
    allocationId: entityId,
    version: expectedVersion,
    targets: z
      .array(
        z.object({
          targetId: entityId,
          achievedValue: z.number(),
          shortfallReason: z.string().trim().min(1).max(2000).optional(),
        }),
      )
      .min(1)
      .max(100)
      .describe('every target of the allocation, once'),
  }),
  response: allocationSchema,
});

export const RateAllocation = defineRpc({
  service: 'funding',
  operation: 'allocations.rate',
  summary: 'A35: DST rates the year’s performance of a self-evaluated allocation',
  request: z.object({
    allocationId: entityId,
    version: expectedVersion,
    rating: z.enum(PERFORMANCE_RATINGS),
    comment: z.string().trim().min(1).max(2000),
  }),
  response: allocationSchema,
});
