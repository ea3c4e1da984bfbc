import { defineRefusals } from '@tic/platform';

/** The refusals of revocation cases (撤销, A31) and of a center's standing, by stable code `revocation.<name>`. */
export const REVOCATION_REFUSALS = defineRefusals('revocation', {
  center_revoked: {
    status: 'conflict',
    zh: '该技术创新中心已被撤销，不再办理变更其状态的事项（历史记录仍可查阅）',
    en: 'The center has been revoked; nothing changes it any more (its history stays readable)',
    article: '第三十一条',
  },
  center_not_in_operation: {
    status: 'conflict',
    zh: '只能对运行中或整改中的技术创新中心立案撤销（当前状态：{status}）',
    en: 'Only a center in operation or under rectification can be revoked (it is {status})',
    article: '第三十一条',
  },
  ground_not_dst: {
    status: 'rule_violation',
    zh: 'grounds：省科技厅立案的情形为第三十一条第（六）至（九）项；第（一）至（五）项由评估结果、逾期或依托单位申请启动',
    en: 'grounds: DST opens cases on grounds (6)–(9); grounds (1)–(5) come from results, deadlines or the supporting unit',
    article: '第三十一条',
  },
  answer_by_past: {
    status: 'invalid_input',
    zh: 'answerBy：陈述期限不得早于今天（{today}）',
    en: 'answerBy: the day to answer by cannot be before today ({today})',
    article: '第三十一条',
  },
  not_open: {
    status: 'conflict',
    zh: '只能为已立案且尚未作出决定的案件设定陈述期限（当前状态：{status}）',
    en: 'The day to answer by is set on an open case not yet decided (it is {status})',
    article: '第三十一条',
  },
  date_in_future: {
    status: 'invalid_input',
    zh: '{field}：日期不得晚于今天（{today}）',
    en: '{field}: the date cannot be after today ({today})',
  },
});
