import { A12_CONDITION_RULES } from './a12-conditions';
import { ANNUAL_REPORT_RULES, EVALUATION_RULES } from './evaluation-rule-definitions';
import { rule, type RuleDefinition } from './rule-definition';

export type { RuleDefinition, RuleKind, Severity } from './rule-definition';

/**
 * The rule catalogue of DOMAIN.md §3, plus the procedural steps of A11, A13, A30, A31 and A33 that
 * the state machines guard. Ids are stable: they appear in API errors, events and the database.
 */
export const RULES = {
  'A11-call-window': rule(
    '第十一条',
    'hard',
    'procedure',
    '首次申报须在年度申报通知规定的时间内提交；退回修改的按审核人确定的日期重新提交',
    'A first submission falls inside the call’s window; a returned one is resubmitted by the date its reviewer set',
  ),
  ...A12_CONDITION_RULES,
  'A12-relaxed': rule(
    '第十二条第二款',
    'principle',
    'condition',
    '重点领域及特殊行业可放宽标准先行批准筹建，筹建期一般不超过1年',
    'Key and special fields may be approved for preparation under relaxed standards, normally for at most one year',
  ),
  'A12-preparation-evaluation': rule(
    '第十二条第二款',
    'hard',
    'procedure',
    '筹建期满经评估符合建设条件的，正式转入序列管理',
    'A center in preparation enters formal management only after an evaluation finds it meets the conditions',
  ),
  'A13-review-comment': rule(
    '第十三条',
    'hard',
    'procedure',
    '退回修改或不予推荐须写明意见',
    'Returning or rejecting an application requires written comments',
  ),
  'A13-expert-review': rule(
    '第十三条第（三）项',
    'hard',
    'procedure',
    '专家综合评审完成后方可择优确定拟新建名单',
    'The shortlist is decided only after the expert review is complete',
  ),
  'A13-public-notice': rule(
    '第十三条第（四）项',
    'hard',
    'procedure',
    '公示无异议后方可印发批准文件',
    'Approval is issued only after the public notice ends without objection',
  ),
  'A13-objection': rule(
    '第十三条第（四）项',
    'hard',
    'procedure',
    '异议须在公示期内以实名或单位名义提出并说明理由',
    'An objection is filed inside the notice window, under a real name or a unit’s seal, with its grounds',
  ),
  'A14-deputies': rule(
    '第十四条',
    'principle',
    'composition',
    '副主任一般不超过3人',
    'At most 3 deputy directors as a rule',
  ),
  'A15-director': rule(
    '第十五条',
    'hard',
    'composition',
    '中心主任须为依托单位全职人员',
    'The director is a full-time employee of the supporting unit',
  ),
  'A15-filing': rule(
    '第十五条',
    'hard',
    'deadline',
    '主任聘任与调整须在30个工作日内报推荐单位和省科技厅备案',
    'A director’s appointment or change is filed with the recommender and DST within 30 working days',
  ),
  'A16-mgmt-committee': rule(
    '第十六条',
    'hard',
    'composition',
    '管理委员会须由依托单位和共建单位的人员组成',
    'The management committee consists only of people from the supporting and co-building units',
  ),
  'A16-co-builders': rule(
    '第十六条',
    'principle',
    'composition',
    '有共建单位的，管理委员会由依托单位和各共建单位的人员组成',
    'Where there are co-building units, each of them is represented on the management committee',
  ),
  'A16-meeting': rule(
    '第十六条',
    'advisory',
    'composition',
    '管理委员会每年定期召开会议',
    'The management committee meets every year',
  ),
  'A17-size': rule(
    '第十七条',
    'principle',
    'composition',
    '技术指导委员会人数一般为7至11人',
    'The technical advisory committee has 7 to 11 members as a rule',
  ),
  'A17-insiders': rule(
    '第十七条',
    'hard',
    'composition',
    '依托单位和共建单位的人员不超过三分之一',
    'Members from the supporting and co-building units are at most one third',
  ),
  'A17-chair': rule(
    '第十七条',
    'hard',
    'composition',
    '技术指导委员会主任由非依托单位、共建单位的专家担任',
    'The chair is an expert from neither the supporting unit nor a co-building unit',
  ),
  'A17-meeting': rule(
    '第十七条',
    'advisory',
    'composition',
    '技术指导委员会每年至少召开一次会议',
    'The technical advisory committee meets at least once a year',
  ),
  'A18-fixed-count': rule(
    '第十八条',
    'principle',
    'composition',
    '固定人员数量原则上不少于10人',
    'At least 10 fixed staff in principle',
  ),
  'A18-one-platform': rule(
    '第十八条',
    'principle',
    'composition',
    '固定人员原则上只能在一个省级科技创新平台基地任职',
    'A fixed staff member serves in one provincial S&T innovation platform only, in principle',
  ),
  'A18-floating-agreement': rule(
    '第十八条',
    'hard',
    'composition',
    '流动人员应签订工作协议，明确工作时间和任务',
    'Floating staff have a work agreement stating working time and tasks',
  ),
  'A19-aux-staff': rule(
    '第十九条',
    'advisory',
    'composition',
    '应配备专职辅助科研与管理人员',
    'Dedicated auxiliary staff handle finance and administration',
  ),
  'A26-change-filing': rule(
    '第二十六条',
    'hard',
    'deadline',
    '更名、研究方向变更或依托、共建单位重大调整须在30个工作日内报省科技厅审核备案',
    'A renaming, change of direction or major adjustment of the units is filed with DST within 30 working days',
  ),
  'A26-committee-review': rule(
    '第二十六条',
    'hard',
    'procedure',
    '变更须经管理委员会论证（会议或书面审议），依托单位审核时注明论证日期',
    'A change is argued by the management committee (a meeting or a written review) before the supporting unit passes it',
  ),
  'A26-review-comment': rule(
    '第二十六条',
    'hard',
    'procedure',
    '退回变更报告须写明意见',
    'Returning a change report to the construction unit requires written comments',
  ),
  'A26-center-open': rule(
    '第二十六条',
    'hard',
    'procedure',
    '已撤销、终止或不再保留省级牌子的中心不再办理变更',
    'A revoked, terminated or graduated center takes no change request',
  ),
  'A27-annual-report': rule(
    '第二十七条',
    'hard',
    'deadline',
    '每年第一季度报送上一年度运行报告',
    'The report on the previous year is submitted in the first quarter',
  ),
  ...ANNUAL_REPORT_RULES,
  'A28-cycle': rule('第二十八条', 'hard', 'deadline', '评估评价周期为2年', 'Every center is evaluated every two years'),
  ...EVALUATION_RULES,
  'A30-grades': rule(
    '第三十条',
    'hard',
    'procedure',
    '评估结果分优秀、良好、基本合格、不合格四个等次；基本合格的限期一年整改并验收',
    'Grades are excellent, good, basic pass and fail; a basic pass is rectified within one year, then accepted',
  ),
  'A31-revocation': rule(
    '第三十一条',
    'hard',
    'procedure',
    '撤销须依据第三十一条所列情形之一，并报省委科技委办公室备案',
    'Revocation rests on one of the grounds of Article 31 and is filed with the committee office',
  ),
  'A33-graduation': rule(
    '第三十三条',
    'hard',
    'procedure',
    '成为国家级、部级科技创新平台基地的，不再保留省级牌子',
    'A center that becomes a national or ministerial platform gives up the provincial plaque',
  ),
  'A36-funds': rule(
    '第三十六条',
    'hard',
    'condition',
    '省级财政经费单独核算、专款专用',
    'Provincial funds are accounted separately and used only for their purpose',
  ),
  'A37-naming': rule(
    '第三十七条',
    'hard',
    'condition',
    '统一命名为“辽宁省+领域（方向）技术创新中心”',
    'Named “辽宁省{field}技术创新中心” / “Liaoning Technology Innovation Center for {field}”',
  ),
} as const satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof RULES;

/** All rule ids, in catalogue order. */
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Whether a string is a rule id of the catalogue. */
export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULES, value);
}
