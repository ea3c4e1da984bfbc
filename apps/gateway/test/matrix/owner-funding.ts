import type { AllocationDto, RpcResponse, RecordExpenditure } from '@tic/contracts';
import { eventually } from '@tic/testing';

import { call, type PlatformWorld } from '../platform/platform-world';
import type { Tokens } from '../platform/journey';
import { succeeded } from './probe';

/** A33–A36: the owner center's allocations the routes act on, each at the step its route needs. */
export interface FundingIds {
  readonly centerId: string;
  /** Active: spent against, imported into, reversed, found misused. */
  readonly spent: AllocationDto;
  /** An expenditure of `spent`, for the reversal. */
  readonly entryId: string;
  /** Active, for DST's year end. */
  readonly toClose: AllocationDto;
  /** Closed at year end, for the supporting unit's self-evaluation. */
  readonly toEvaluate: AllocationDto;
  /** Closed and self-evaluated, for DST's rating. */
  readonly toRate: AllocationDto;
}

/** The years of the owner's allocations, one each, and the year its sources are recorded for. */
export const FUNDING_YEARS = { spent: 2026, toClose: 2025, toEvaluate: 2024, toRate: 2023, sources: 2026 } as const;

/** A34, A35: an allocation as DST makes it, with a budget by category and one target of each tier. */
export const allocationBody = (centerId: string, fiscalYear: number) => ({
  centerId,
  fiscalYear,
  purpose: `${fiscalYear}年度省级技术创新中心建设资金`,
  budget: [
    { category: 'equipment', amountFen: 50_000_000 },
    { category: 'business', amountFen: 30_000_000 },
  ],
  targets: [
    { tier: 'output', dimension: 'quantity', indicator: '发明专利授权数', unit: '件', targetValue: 5 },
    { tier: 'effect', dimension: 'economic', indicator: '技术合同成交额', unit: '万元', targetValue: 500 },
    { tier: 'satisfaction', dimension: 'satisfaction', indicator: '服务企业满意度', unit: '%', targetValue: 90 },
  ],
});

/** A36: an expenditure as the supporting unit records it. */
export const expenditureBody = (voucherRef: string) => ({
  spentOn: '2026-03-02',
  amountFen: 120_000,
  category: 'business',
  payee: '沈阳示范检测技术有限公司',
  voucherRef,
  procurement: false,
  stateAsset: false,
});

/** A35: the achieved value of every target, each met. */
export const selfEvaluationBody = (allocation: AllocationDto) => ({
  targets: allocation.targets.map((t) => ({ targetId: t.id, achievedValue: t.targetValue })),
});

export async function ownerFunding(world: PlatformWorld, tokens: Tokens, centerId: string): Promise<FundingIds> {
  const allocate = (fiscalYear: number) =>
    succeeded<AllocationDto>(
      call(world, 'POST', '/allocations', { token: tokens.dst, body: allocationBody(centerId, fiscalYear) }),
    );
  const ifMatch = (a: AllocationDto) => ({ 'if-match': `W/"${a.version}"` });
  const close = (a: AllocationDto) =>
    succeeded<AllocationDto>(
      call(world, 'POST', `/allocations/${a.id}/close-year`, {
        token: tokens.dst,
        headers: ifMatch(a),
        body: { decision: 'return', reason: '年度结束，结余按规定收回' },
      }),
    );
  // The center reaches the funding service's directory by its event, a moment after it is established.
  const spent = await eventually(() => allocate(FUNDING_YEARS.spent), 30_000, 250);
  const recorded = await succeeded<RpcResponse<typeof RecordExpenditure>>(
    call(world, 'POST', `/allocations/${spent.id}/ledger`, {
      token: tokens.supporting,
      body: expenditureBody('记-0001'),
    }),
  );
  const toEvaluate = await close(await allocate(FUNDING_YEARS.toEvaluate));
  const closedToRate = await close(await allocate(FUNDING_YEARS.toRate));
  const toRate = await succeeded<AllocationDto>(
    call(world, 'POST', `/allocations/${closedToRate.id}/self-evaluation`, {
      token: tokens.supporting,
      headers: ifMatch(closedToRate),
      body: selfEvaluationBody(closedToRate),
    }),
  );
  return {
    centerId,
    spent,
    entryId: recorded.entry.id,
    toClose: await allocate(FUNDING_YEARS.toClose),
    toEvaluate,
    toRate,
  };
}
