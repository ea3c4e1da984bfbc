import { defineRefusals } from '@tic/platform';

/** A proposal's status as the Chinese texts say it. */
export const PROPOSAL_STATUS_ZH: Readonly<Record<string, string>> = {
  proposed: '提出',
  allocated: '安排资金',
  declined: '不予安排',
};

/** The refusals of the funding service (A32–A36), by stable code `funding.<name>`. */
export const FUNDING_REFUSALS = defineRefusals('funding', {
  center_unknown: {
    status: 'not_found',
    zh: 'centerId：技术创新中心{centerId}不存在',
    en: 'centerId: no center {centerId} is known',
  },
  budget_category_repeated: {
    status: 'rule_violation',
    zh: 'budget：每个支出科目只能列一次（{category}重复）',
    en: 'budget: each expense category at most once ({category} is repeated)',
    article: '第三十四条',
  },
  dimension_not_in_tier: {
    status: 'rule_violation',
    zh: '二级指标{dimension}不属于一级指标{tier}',
    en: 'The dimension {dimension} does not belong to the tier {tier}',
    article: '第三十五条',
  },
  proposal_unknown: {
    status: 'not_found',
    zh: 'proposalId：政策支持建议不存在',
    en: 'proposalId: no such policy-support proposal',
  },
  proposal_of_another_center: {
    status: 'rule_violation',
    zh: 'proposalId：该政策支持建议是另一个中心的',
    en: 'proposalId: the proposal is about another center',
    article: '第三十三条',
  },
  proposal_already_decided: {
    status: 'conflict',
    zh: '该政策支持建议已经{statusZh}，不能再次决定',
    en: 'The proposal was {status} already and cannot be decided again',
    article: '第三十三条',
  },
  ledger_refused: {
    status: 'rule_violation',
    zh: '{zh}',
    en: '{en}',
    article: '第三十六条',
  },
  already_reversed: {
    status: 'conflict',
    zh: '该笔支出已被冲销，不能再次冲销',
    en: 'This expenditure was reversed already',
    article: '第三十六条',
  },
  allocation_not_active: {
    status: 'rule_violation',
    zh: '该笔资金{status}，不能再记录支出',
    en: 'The allocation is {status}; no expenditure may be recorded',
    article: '第三十六条',
  },
  entry_unknown: {
    status: 'not_found',
    zh: 'entryId：该笔资金的明细账中没有这笔分录',
    en: 'entryId: the allocation’s ledger has no such entry',
  },
  already_closed: {
    status: 'conflict',
    zh: '该笔资金已办理年度结算',
    en: 'The allocation’s year is closed already',
    article: '第三十四条',
  },
  nothing_to_carry_over: {
    status: 'rule_violation',
    zh: '该笔资金没有结余，无需结转',
    en: 'The allocation has no unspent balance to carry over',
    article: '第三十四条',
  },
  already_self_evaluated: {
    status: 'conflict',
    zh: '该笔资金的绩效自评已报送',
    en: 'The self-evaluation was reported already',
    article: '第三十五条',
  },
  targets_incomplete: {
    status: 'rule_violation',
    zh: 'targets：须对每个绩效目标各自评一次',
    en: 'targets: report every target of the allocation, once each',
    article: '第三十五条',
  },
  shortfall_reason_required: {
    status: 'rule_violation',
    zh: '未达到绩效目标的须说明原因',
    en: 'A target not met needs the reason for the shortfall',
    article: '第三十五条',
  },
  not_self_evaluated: {
    status: 'conflict',
    zh: '依托单位尚未报送绩效自评，不能评价',
    en: 'The supporting unit has not reported its self-evaluation yet',
    article: '第三十五条',
  },
  already_rated: {
    status: 'conflict',
    zh: '该笔资金的绩效已评价',
    en: 'The performance was rated already',
    article: '第三十五条',
  },
  provincial_is_computed: {
    status: 'rule_violation',
    zh: '省级财政资金由省科技厅的资金安排合计得出，不能填报',
    en: 'Provincial funds are the sum of DST’s allocations and are not recorded here',
    article: '第三十二条',
  },
  source_repeated: {
    status: 'rule_violation',
    zh: '每个经费来源只能填一次（{source}重复）',
    en: 'Each source at most once ({source} is repeated)',
    article: '第三十二条',
  },
  total_too_large: {
    status: 'rule_violation',
    zh: '{field}：合计超过可记录的上限（{max}元）',
    en: '{field}: the total exceeds the largest amount held ({max} yuan)',
    article: '第三十二条',
  },
  carry_over_beyond_range: {
    status: 'rule_violation',
    zh: 'decision：{fiscalYear}年度的结余不能结转到{nextYear}年度（超出可安排的年度范围）',
    en: 'decision: the {fiscalYear} balance cannot be carried over to {nextYear}, beyond the fiscal years held',
    article: '第三十四条',
  },
  carry_over_while_suspended: {
    status: 'rule_violation',
    zh: 'decision：该笔资金已暂停使用，结余不能结转，只能收回',
    en: 'decision: the allocation is suspended; its balance cannot be carried over, only returned',
    article: '第三十六条',
  },
  not_closed_for_self_evaluation: {
    status: 'rule_violation',
    zh: '该笔资金{statusZh}，尚未年终结算，年度绩效自评须在年终结算后报送',
    en: 'The allocation is {status}, not closed; the year-end self-evaluation follows the year-end closing',
    article: '第三十五条',
  },
  recover_beyond_amount: {
    status: 'rule_violation',
    zh: 'recoverFen：追回金额不能超过违规金额',
    en: 'recoverFen: the amount to recover cannot exceed the amount misused',
    article: '第三十六条',
  },
});
