import type { AccessRule, Grants } from './access-rules';

const DST: Grants = { dst_admin: 'any' };
const SUPPORTING_UNIT: Grants = { supporting_unit: ['supportingUnitId'] };

/**
 * A32–A36: who acts on a center's provincial funds. DST allocates, declines proposals, closes the year,
 * rates and records misuse; the center's supporting unit keeps the separate ledger (单独核算), records the
 * other sources and reports the self-evaluation. Everyone else only reads what read-scopes.ts grants.
 */
export const FUNDING_ACCESS_RULES = {
  'allocation.create': {
    grants: DST,
    creates: true,
    code: 'allocation.allocated_by_dst',
    message: { zh: '省级财政资金由省科技厅安排', en: 'DST allocates provincial funds' },
    article: '第三十三条',
  },
  'allocation.close_year': {
    grants: DST,
    code: 'allocation.closed_by_dst',
    message: { zh: '结余资金的结转或收回由省科技厅决定', en: 'DST decides what becomes of the unspent balance' },
    article: '第三十四条',
  },
  'allocation.rate': {
    grants: DST,
    code: 'allocation.rated_by_dst',
    message: { zh: '绩效评价由省科技厅作出', en: 'DST rates the performance' },
    article: '第三十五条',
  },
  'allocation.self_evaluate': {
    grants: SUPPORTING_UNIT,
    code: 'allocation.self_evaluated_by_supporting_unit',
    message: { zh: '绩效自评由依托单位报送', en: 'The supporting unit reports the self-evaluation' },
    article: '第三十五条',
  },
  'ledger_entry.record': {
    grants: SUPPORTING_UNIT,
    code: 'ledger_entry.recorded_by_supporting_unit',
    message: {
      zh: '省级财政资金由依托单位单独核算、专款专用',
      en: 'The supporting unit accounts for provincial funds separately',
    },
    article: '第三十六条',
  },
  'funding_source.record': {
    grants: SUPPORTING_UNIT,
    code: 'funding_source.recorded_by_supporting_unit',
    message: { zh: '中心的经费来源由依托单位填报', en: 'The supporting unit records the center’s funding sources' },
    article: '第三十二条',
  },
  'funding_proposal.decide': {
    grants: DST,
    code: 'funding_proposal.decided_by_dst',
    message: { zh: '政策支持建议由省科技厅决定', en: 'DST decides policy-support proposals' },
    article: '第三十三条',
  },
  'misuse_finding.record': {
    grants: DST,
    code: 'misuse_finding.recorded_by_dst',
    message: { zh: '资金违规使用由省科技厅认定', en: 'DST records misuse of provincial funds' },
    article: '第三十六条',
  },
} as const satisfies Record<string, AccessRule>;
