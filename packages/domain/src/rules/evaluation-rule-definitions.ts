import { rule, type RuleDefinition } from './rule-definition';

/** A27, A35: the annual report's procedure and statistics table. */
export const ANNUAL_REPORT_RULES = {
  'A27-report-year': rule(
    '第二十七条',
    'hard',
    'procedure',
    '年度报告报送的是上一年度（或更早年度）的运行情况',
    'An annual report covers the previous year (or an earlier one), never the year it is submitted in',
  ),
  'A27-center-open': rule(
    '第二十七条',
    'hard',
    'procedure',
    '已撤销、终止或不再保留省级牌子的中心不再报送年度报告',
    'A revoked, terminated or graduated center takes no annual report',
  ),
  'A27-review-comment': rule(
    '第二十七条',
    'hard',
    'procedure',
    '退回年度报告须写明意见',
    'Returning an annual report to the construction unit requires written comments',
  ),
  'A27-statistics': rule(
    '第二十七条',
    'hard',
    'condition',
    '年度报告统计表各项数据完整且前后一致',
    'The statistics table of the annual report is complete and consistent',
  ),
  'A35-performance-shortfall': rule(
    '第三十五条',
    'advisory',
    'condition',
    '省级财政经费绩效目标未完成的须说明原因',
    'A performance target of provincial funds that was not achieved states the reason for the shortfall',
  ),
} as const satisfies Record<string, RuleDefinition>;

/** A28–A30: the evaluation round, its indicators, grading and the rectification acceptance. */
export const EVALUATION_RULES = {
  'A29-indicator-system': rule(
    '第二十九条',
    'hard',
    'condition',
    '评估指标体系的指标权重之和为100，指标不重复且权重为正',
    'The weights of an indicator system sum to 100; indicator keys are unique and each weight is positive',
  ),
  'A29-indicator-scores': rule(
    '第二十九条',
    'hard',
    'condition',
    '每项指标均须评分（0至100分）并注明所依据的材料',
    'Every indicator is scored (0 to 100) with the evidence the score rests on',
  ),
  'A29-agency-recusal': rule(
    '第二十九条',
    'hard',
    'condition',
    '第三方评估机构不得评估与其存在关联关系单位的技术创新中心',
    'An evaluation agency never evaluates a center of a unit it declared a relation with',
  ),
  'A29-assignment-reason': rule(
    '第二十九条',
    'hard',
    'procedure',
    '中心谢绝参加评估或被认定未参加评估须说明理由',
    'A center declining the evaluation, or recorded as not taking part, needs a stated reason',
  ),
  'A28-round-procedure': rule(
    '第二十八条',
    'hard',
    'procedure',
    '评估轮次须确定参评中心和指标体系后开展，全部中心定等后方可公告',
    'A round opens with its centers and indicator system, and is announced only once every center is graded',
  ),
  'A30-grade-thresholds': rule(
    '第三十条',
    'hard',
    'condition',
    '各等次分数线在0至100之间且由高到低排列',
    'The grade thresholds lie within 0–100 and descend from excellent to basic pass',
  ),
  'A30-excellent-cap': rule(
    '第三十条',
    'hard',
    'condition',
    '优秀等次不超过本轮设定的比例，按排名确定，同分由省科技厅决定',
    'Excellent grades stay within the round’s cap, applied by rank; ties at the cap are decided by DST',
  ),
  'A30-grade-override': rule(
    '第三十条',
    'hard',
    'procedure',
    '省科技厅调整评估等次须说明理由',
    'DST changes a computed grade only with a stated reason',
  ),
  'A30-acceptance': rule(
    '第三十条',
    'hard',
    'procedure',
    '整改验收申请经依托单位、推荐单位逐级审核后由省科技厅组织专家验收，退回或决定须说明意见',
    'A rectification acceptance request passes the supporting unit and the recommender, then DST’s expert acceptance; returns and decisions state their reasons',
  ),
} as const satisfies Record<string, RuleDefinition>;
