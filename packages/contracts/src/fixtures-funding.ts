import type { EventData } from './event-catalogue';

// One valid `data` for each event of the funding service (A32–A36), spread into EVENT_DATA_FIXTURES.
const ids = {
  center: '0192f6a0-7c1e-7d2a-9b3c-000000000007',
  evaluation: '0192f6a0-7c1e-7d2a-9b3c-00000000000f',
  allocation: '0192f6a0-7c1e-7d2a-9b3c-000000000012',
  proposal: '0192f6a0-7c1e-7d2a-9b3c-000000000015',
  nextAllocation: '0192f6a0-7c1e-7d2a-9b3c-000000000016',
  finding: '0192f6a0-7c1e-7d2a-9b3c-000000000017',
} as const;

export const FUNDING_FIXTURES: {
  readonly [
    T in
      | 'tic.funding.allocated'
      | 'tic.funding.proposal_declined'
      | 'tic.funding.execution_lagging'
      | 'tic.funding.year_closed'
      | 'tic.funding.self_evaluated'
      | 'tic.funding.rated'
      | 'tic.funding.misuse_found'
  ]: EventData<T>;
} = {
  'tic.funding.allocated': {
    allocationId: ids.allocation,
    centerId: ids.center,
    fiscalYear: 2026,
    amountCny: '2000000.00',
    amountFen: 200_000_000,
    purpose: '技术创新中心建设运行补助',
    allocatedOn: '2026-05-10',
    proposalId: null,
    carriedOverFrom: null,
  },
  'tic.funding.proposal_declined': {
    proposalId: ids.proposal,
    evaluationId: ids.evaluation,
    centerId: ids.center,
    reason: '年度预算已安排完毕，纳入下一年度统筹',
    declinedOn: '2026-06-01',
  },
  'tic.funding.execution_lagging': {
    allocationId: ids.allocation,
    centerId: ids.center,
    fiscalYear: 2026,
    executionRate: 0.12,
    expectedRate: 0.3,
    checkedOn: '2026-07-01',
  },
  'tic.funding.year_closed': {
    allocationId: ids.allocation,
    centerId: ids.center,
    fiscalYear: 2026,
    decision: 'carry_over',
    balanceFen: 35_000_000,
    carriedOverTo: ids.nextAllocation,
    decidedOn: '2026-12-28',
  },
  'tic.funding.self_evaluated': {
    allocationId: ids.allocation,
    centerId: ids.center,
    fiscalYear: 2026,
    targetsMet: 2,
    targetsTotal: 3,
    selfEvaluatedOn: '2027-01-15',
  },
  'tic.funding.rated': {
    allocationId: ids.allocation,
    centerId: ids.center,
    fiscalYear: 2026,
    rating: 'good',
    ratedOn: '2027-02-20',
  },
  'tic.funding.misuse_found': {
    findingId: ids.finding,
    allocationId: ids.allocation,
    centerId: ids.center,
    kind: 'misappropriation',
    amountFen: 12_000_000,
    recoverFen: 12_000_000,
    suspendAllocation: true,
    revocationProposed: false,
    foundOn: '2026-09-15',
  },
};
