import { defineRefusals } from '@tic/platform';

/**
 * The refusals of evaluation rounds (A28–A30), by stable code `round.<name>`. Who may act at all is the
 * policy's (`round.*` in @tic/domain's access rules), with the codes `round.dst_only`, `round.agency_only` and
 * `round.not_found`.
 */
export const ROUND_REFUSALS = defineRefusals('round', {
  center_unknown: {
    status: 'invalid_input',
    zh: '{path}：中心{centerId}不在中心名录中',
    en: '{path}: center {centerId} is not in the directory',
    article: '第二十八条',
  },
  center_closed: {
    status: 'rule_violation',
    zh: '{path}：中心{centerId}已撤销、终止或毕业，不参加评估',
    en: '{path}: center {centerId} is closed (revoked, terminated or graduated) and is not evaluated',
    article: '第二十八条',
  },
  center_not_in_round: {
    status: 'invalid_input',
    zh: '{path}：中心{centerId}不在本轮',
    en: '{path}: center {centerId} is not in the round',
    article: '第二十八条',
  },
  not_open: {
    status: 'conflict',
    zh: '评估轮次状态为“{status}”，不能委托或评分',
    en: 'The round is {status}; it takes no entrustment or scores',
    article: '第二十九条',
  },
  already_entrusted: {
    status: 'conflict',
    zh: 'centerIds：中心{centerId}已委托给评估机构',
    en: 'centerIds: center {centerId} is already entrusted to an agency',
    article: '第二十九条',
  },
  agency_recused: {
    status: 'rule_violation',
    zh: 'centerIds：{message}',
    en: 'centerIds: {messageEn}',
    article: '第二十九条',
  },
  not_graded: {
    status: 'conflict',
    zh: '评估轮次状态为“{status}”，不在评定等次阶段',
    en: 'The round is {status}, not being graded',
    article: '第三十条',
  },
  preparation_outcome_missing: {
    status: 'rule_violation',
    zh: 'preparationOutcomes：筹建期中心{centerId}须决定转入运行或终止，并说明理由',
    en: 'preparationOutcomes: decide whether the preparing center {centerId} operates or ends, with a reason',
    article: '第十二条',
  },
  outcome_not_submitted: {
    status: 'rule_violation',
    zh: '{path}：筹建期中心{centerId}未提交评估（{status}），不能决定转入运行或终止',
    en: '{path}: the preparing center {centerId} was not evaluated ({status}); no outcome can be decided',
    article: '第十二条',
  },
  participate_by_past: {
    status: 'invalid_input',
    zh: 'participateBy：参评截止日不得早于今天（{today}）',
    en: 'participateBy: the day to take part by cannot be before today ({today})',
    article: '第二十九条',
  },
  invalid_score: {
    status: 'rule_violation',
    zh: 'scores：{message}',
    en: 'scores: {messageEn}',
    article: '第二十九条',
  },
  not_published: {
    status: 'not_found',
    zh: '该评估轮次结果尚未公告',
    en: 'The round’s results are not announced',
  },
});
