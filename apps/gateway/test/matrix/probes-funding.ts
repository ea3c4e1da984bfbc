import { expenditureBody, FUNDING_YEARS, selfEvaluationBody, allocationBody } from './owner-funding';
import { dstRead, ifMatch, type Probe, unique } from './probe';
import type { MatrixWorld } from './worlds';

const allocation = (id: string) => `/allocations/${id}`;
const spent = (m: MatrixWorld) => allocation(m.funding.spent.id);
const sources = (m: MatrixWorld) => `/centers/${m.funding.centerId}/funding-sources`;
// An id no proposal has: the owner's center holds no excellent grade in the matrix (see expected-funding.ts).
const NO_PROPOSAL = '00000000-0000-4000-8000-0000000000a1';

/** A change of one of the owner's allocations, guarded by its version, with DST's read-back of it. */
const change = (which: (m: MatrixWorld) => string, step: string, body: (m: MatrixWorld) => unknown): Probe => ({
  request: async (m) => ({
    path: `${allocation(which(m))}/${step}`,
    headers: await ifMatch(m, allocation(which(m))),
    body: body(m),
  }),
  readBack: (m) => dstRead(m, allocation(which(m))),
});

const importRow = (voucherRef: string) => ({
  row: 2,
  spentOn: '2026-04-01',
  amountYuan: '800.00',
  category: '业务费',
  payee: '辽宁示范会议服务有限公司',
  voucherRef,
  procurement: '否',
  stateAsset: '否',
  note: '',
});

/** The routes of provincial funds (A32–A36). */
export const FUNDING_PROBES: Record<string, Probe> = {
  'GET /api/v1/allocations': { request: () => ({ path: '/allocations?limit=200' }), listed: (m) => m.funding.spent.id },
  'GET /api/v1/allocations/{id}': { request: (m) => ({ path: spent(m) }) },
  'GET /api/v1/allocations/{id}/ledger': {
    request: (m) => ({ path: `${spent(m)}/ledger?limit=200` }),
    listed: (m) => m.funding.entryId,
  },
  'GET /api/v1/allocations/{id}/ledger/template.xlsx': {
    request: (m) => ({ path: `${spent(m)}/ledger/template.xlsx` }),
  },
  'GET /api/v1/centers/{centerId}/funding-sources': {
    request: (m) => ({ path: `${sources(m)}?year=${FUNDING_YEARS.sources}` }),
  },
  'GET /api/v1/funding/execution': {
    request: (m) => ({ path: `/funding/execution?groupBy=allocation&centerId=${m.funding.centerId}` }),
  },
  'GET /api/v1/misuse-findings': { request: (m) => ({ path: `/misuse-findings?centerId=${m.funding.centerId}` }) },
  'GET /api/v1/policy-support-proposals': { request: () => ({ path: '/policy-support-proposals?limit=200' }) },
  'POST /api/v1/allocations': {
    request: (m) => ({ path: '/allocations', body: allocationBody(m.funding.centerId, 2027) }),
    readBack: (m) => dstRead(m, `/allocations?centerId=${m.funding.centerId}&limit=200`),
  },
  'POST /api/v1/allocations/{id}/ledger': {
    request: (m) => ({ path: `${spent(m)}/ledger`, body: expenditureBody(unique('记-')) }),
    readBack: (m) => dstRead(m, `${spent(m)}/ledger?limit=200`),
  },
  'POST /api/v1/allocations/{id}/ledger/import': {
    request: (m) => ({ path: `${spent(m)}/ledger/import`, body: { rows: [importRow(unique('导-'))] } }),
    readBack: (m) => dstRead(m, `${spent(m)}/ledger?limit=200`),
  },
  'POST /api/v1/allocations/{id}/ledger/{entryId}/reversal': {
    request: (m) => ({
      path: `${spent(m)}/ledger/${m.funding.entryId}/reversal`,
      body: { reason: '凭证金额录入错误，冲销后重记' },
    }),
    readBack: (m) => dstRead(m, `${spent(m)}/ledger?limit=200`),
  },
  'PUT /api/v1/centers/{centerId}/funding-sources/{year}': {
    request: (m) => ({
      path: `${sources(m)}/${FUNDING_YEARS.sources}`,
      body: { lines: [{ source: 'supporting_unit', amountFen: 200_000_000, note: '依托单位自筹' }] },
    }),
    readBack: (m) => dstRead(m, `${sources(m)}?year=${FUNDING_YEARS.sources}`),
  },
  'POST /api/v1/allocations/{id}/self-evaluation': change(
    (m) => m.funding.toEvaluate.id,
    'self-evaluation',
    (m) => selfEvaluationBody(m.funding.toEvaluate),
  ),
  'POST /api/v1/allocations/{id}/rating': change(
    (m) => m.funding.toRate.id,
    'rating',
    () => ({ rating: 'good', comment: '目标基本完成，资金使用规范' }),
  ),
  'POST /api/v1/allocations/{id}/close-year': change(
    (m) => m.funding.toClose.id,
    'close-year',
    () => ({ decision: 'return', reason: '年度结束，结余按规定收回' }),
  ),
  'POST /api/v1/allocations/{id}/misuse-findings': {
    request: (m) => ({
      path: `${spent(m)}/misuse-findings`,
      body: {
        kind: 'diversion',
        amountFen: 10_000,
        description: '以专项资金支付依托单位日常办公费用',
        foundOn: '2026-05-10',
        recoverFen: 10_000,
      },
    }),
    readBack: (m) => dstRead(m, `/misuse-findings?allocationId=${m.funding.spent.id}&limit=200`),
  },
  'POST /api/v1/policy-support-proposals/{id}/decline': {
    request: () => ({ path: `/policy-support-proposals/${NO_PROPOSAL}/decline`, body: { reason: '本年度资金已安排' } }),
    readBack: (m) => dstRead(m, '/policy-support-proposals?limit=200'),
  },
};
