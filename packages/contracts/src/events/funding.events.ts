import { z } from 'zod';

import { MISUSE_KINDS, PERFORMANCE_RATINGS, YEAR_END_DECISIONS } from '@tic/domain';

import { defineEvent } from '../define-event';
import { amountCny, entityId, isoDate } from '../schemas';

const fen = z.number().int().min(0).describe('an amount in fen (分), a whole number');
const fiscalYear = z.number().int().min(2000);

export const FundingAllocated = defineEvent({
  type: 'tic.funding.allocated',
  producer: 'funding',
  summary: 'A34–A36: provincial funds were allocated to a center, accounted separately',
  data: z.object({
    allocationId: entityId,
    centerId: entityId,
    fiscalYear,
    amountCny,
    amountFen: fen.optional().describe('the same amount in fen; present from the funding service on'),
    purpose: z.string().min(1),
    allocatedOn: isoDate,
    proposalId: entityId.nullable().optional().describe('the policy-support proposal it answers (A30, A33)'),
    carriedOverFrom: entityId.nullable().optional().describe('the allocation whose balance it carries over'),
  }),
});

export const FundingProposalDeclined = defineEvent({
  type: 'tic.funding.proposal_declined',
  producer: 'funding',
  summary: 'A33: DST declined the policy-support proposal of an excellent grade, with a reason',
  data: z.object({
    proposalId: entityId,
    evaluationId: entityId,
    centerId: entityId,
    reason: z.string().min(1),
    declinedOn: isoDate,
  }),
});

export const FundingExecutionLagging = defineEvent({
  type: 'tic.funding.execution_lagging',
  producer: 'funding',
  summary: 'A35: at the mid-year check an allocation had spent less than the expected share of its budget',
  data: z.object({
    allocationId: entityId,
    centerId: entityId,
    fiscalYear,
    executionRate: z.number().min(0),
    expectedRate: z.number().min(0).max(1),
    checkedOn: isoDate,
  }),
});

export const FundingYearClosed = defineEvent({
  type: 'tic.funding.year_closed',
  producer: 'funding',
  summary: 'A34 结余结转: DST closed an allocation at year end; its balance was carried over or returned',
  data: z.object({
    allocationId: entityId,
    centerId: entityId,
    fiscalYear,
    decision: z.enum(YEAR_END_DECISIONS),
    balanceFen: fen,
    carriedOverTo: entityId.nullable(),
    decidedOn: isoDate,
  }),
});

export const FundingSelfEvaluated = defineEvent({
  type: 'tic.funding.self_evaluated',
  producer: 'funding',
  summary: 'A35: the supporting unit reported the year-end self-evaluation of an allocation; DST’s rating waits',
  data: z.object({
    allocationId: entityId,
    centerId: entityId,
    fiscalYear,
    targetsMet: z.number().int().min(0).describe('how many of the targets the achieved values meet'),
    targetsTotal: z.number().int().min(1),
    selfEvaluatedOn: isoDate,
  }),
});

export const FundingRated = defineEvent({
  type: 'tic.funding.rated',
  producer: 'funding',
  summary: 'A35: DST rated the year’s performance of an allocation against its targets',
  data: z.object({
    allocationId: entityId,
    centerId: entityId,
    fiscalYear,
    rating: z.enum(PERFORMANCE_RATINGS),
    ratedOn: isoDate,
  }),
});

export const FundingMisuseFound = defineEvent({
  type: 'tic.funding.misuse_found',
  producer: 'funding',
  summary: 'A36: DST found provincial funds misused (弄虚作假、截留、挪用、挤占) and decided recovery or suspension',
  data: z.object({
    findingId: entityId,
    allocationId: entityId,
    centerId: entityId,
    kind: z.enum(MISUSE_KINDS),
    amountFen: fen,
    recoverFen: fen,
    suspendAllocation: z.boolean(),
    revocationProposed: z.boolean().describe('A31(六): the applications service puts it to DST as a ground'),
    foundOn: isoDate,
  }),
});
