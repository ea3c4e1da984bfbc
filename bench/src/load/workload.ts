import { residentIdCheckCharacter } from '@tic/domain';

import type { Command, CommandKind } from './command-client';

/** What the set-up made for the workload to use: tokens, units, a call, an allocation. */
export interface Fixtures {
  readonly tag: string;
  readonly tokens: { readonly dst: string; readonly supporting: string; readonly construction: string };
  readonly supportingUnitId: string;
  readonly constructionUnitId: string;
  readonly coBuilderId: string;
  readonly callId: string;
  readonly allocationId: string;
  /** The registered center the allocations are for. */
  readonly centerId: string;
  /** The day expenditures are dated (yesterday in Shanghai: never in the service's future). */
  readonly spentOn: string;
}

/** The share of each kind in the command mix. */
const MIX: readonly CommandKind[] = [
  'center',
  'center',
  'person',
  'person',
  'person',
  'expenditure',
  'expenditure',
  'expenditure',
  'draft',
  'draft',
  'allocation',
];
const CATEGORIES = ['equipment', 'business', 'labor', 'indirect'] as const;
const DAY_MS = 86_400_000;

/** The day `days` after `date` (YYYY-MM-DD). */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A valid, unique resident ID number for the n-th registered person of this run (Shenyang, born 1960+). */
export function residentId(runNumber: number, n: number): string {
  const birth = shiftDate('1960-01-01', runNumber * 40 + Math.floor(n / 900)).replaceAll('-', '');
  const first17 = `210102${birth}${String(100 + (n % 900)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/**
 * The n-th command of the run: an existing center registered in preparation (a D-preparation deadline,
 * due a year after an approval day drawn from the past 700 days, so part is already due), a person,
 * an expenditure on the allocation, an application draft, or an allocation (tic.funding.allocated). Each carries its own mark, the value
 * its row holds, for the duplicate check.
 */
export function commandAt(n: number, fixtures: Fixtures, runNumber: number, today: string): Command {
  const kind = MIX[n % MIX.length] ?? 'person';
  const { tag, tokens } = fixtures;
  const key = `load-${tag}-${kind}-${n}`;
  switch (kind) {
    case 'center': {
      const mark = `辽科发〔2025〕负载${tag}第${n}号`;
      return {
        kind,
        key,
        mark,
        path: '/centers/existing',
        token: tokens.dst,
        body: {
          field: { zh: `负载测试${tag}领域${n}`, en: `Load Test ${tag} Field ${n}` },
          track: 'preparation',
          supportingUnitId: fixtures.supportingUnitId,
          constructionUnitId: fixtures.constructionUnitId,
          coBuilderIds: [fixtures.coBuilderId],
          approvedOn: shiftDate(today, -30 - ((n * 37) % 700)),
          approvalDocument: mark,
        },
      };
    }
    case 'person': {
      const mark = `负载人员${tag}${n}`;
      return {
        kind,
        key,
        mark,
        path: '/people',
        token: tokens.supporting,
        body: { name: mark, idNumber: residentId(runNumber, n), employerOrgId: fixtures.supportingUnitId },
      };
    }
    case 'expenditure': {
      const mark = `LOAD-${tag}-${n}`;
      return {
        kind,
        key,
        mark,
        path: `/allocations/${fixtures.allocationId}/ledger`,
        token: tokens.supporting,
        body: {
          spentOn: fixtures.spentOn,
          amountFen: 100 + (n % 7),
          category: CATEGORIES[n % CATEGORIES.length],
          payee: '负载测试供应商',
          voucherRef: mark,
        },
      };
    }
    case 'allocation': {
      const mark = `负载测试省级资金${tag}第${n}笔`;
      return {
        kind,
        key,
        mark,
        path: '/allocations',
        token: tokens.dst,
        body: {
          centerId: fixtures.centerId,
          fiscalYear: Number(fixtures.spentOn.slice(0, 4)),
          purpose: mark,
          budget: [{ category: 'equipment', amountFen: 1_000_000 + n }],
          targets: [{ tier: 'output', dimension: 'quantity', indicator: '发明专利授权数', unit: '件', targetValue: 1 }],
        },
      };
    }
    case 'draft': {
      const mark = `负载申报${tag}领域${n}`;
      return {
        kind,
        key,
        mark,
        path: '/applications',
        token: tokens.construction,
        body: {
          callId: fixtures.callId,
          field: { zh: mark, en: `Load Draft ${tag} Field ${n}` },
          supportingUnitId: fixtures.supportingUnitId,
          proposedCoBuilderIds: [fixtures.coBuilderId],
          areaM2: 3200,
          equipmentValueCny: 12_000_000,
          technicalLeaders: 2,
          fullTimeStaff: 36,
          achievements: [],
        },
      };
    }
  }
}

/** The reads autocannon cycles through, each with the token of someone allowed to read it. */
export function readPaths(fixtures: Fixtures): { path: string; token: string }[] {
  const { dst } = fixtures.tokens;
  return [
    { path: '/centers?limit=20', token: dst },
    { path: '/applications?limit=20', token: dst },
    { path: '/people?limit=20', token: dst },
    { path: '/events?limit=50', token: dst },
    { path: `/allocations/${fixtures.allocationId}/ledger?limit=20`, token: dst },
    { path: `/allocations/${fixtures.allocationId}`, token: dst },
  ];
}
