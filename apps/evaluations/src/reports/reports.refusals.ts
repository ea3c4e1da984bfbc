import { defineRefusals } from '@tic/platform';

/** The refusals of annual reports (A27), by stable code `report.<name>`. */
export const REPORT_REFUSALS = defineRefusals('report', {
  already_exists: {
    status: 'conflict',
    zh: 'reportYear：该中心{year}年度报告已存在（{id}），请修改该报告',
    en: 'reportYear: the center’s report on {year} exists already ({id}); edit that one',
    article: '第二十七条',
  },
  center_closed: {
    status: 'conflict',
    zh: '中心状态为“{status}”（已撤销、终止或升级），不再报送年度报告',
    en: 'The center is {status} and takes no annual report',
    article: '第二十七条',
  },
  year_not_past: {
    status: 'invalid_input',
    zh: 'reportYear：{today}只能报送{last}年度或更早年度的报告',
    en: 'reportYear: on {today} a report covers {last} or earlier',
    article: '第二十七条',
  },
  not_editable: {
    status: 'conflict',
    zh: '只有草稿或退回修改的年度报告可以修改',
    en: 'Only a draft (or a returned) annual report can be edited',
    article: '第二十七条',
  },
  statistics_invalid: {
    status: 'invalid_input',
    zh: 'statistics：统计表有{count}处错误',
    en: 'statistics: the table has {count} errors',
    article: '第二十七条',
  },
  statistics_sheet_invalid: {
    status: 'invalid_input',
    zh: 'file：统计表模板有{count}处错误，未作任何修改',
    en: 'file: the statistics template has {count} errors; nothing was changed',
    article: '第二十七条',
  },
  personnel_invalid: {
    status: 'invalid_input',
    zh: 'people：人员名单有{count}处错误，未作任何修改',
    en: 'people: the personnel list has {count} errors; nothing was changed',
    article: '第十八条',
  },
  statistics_required: {
    status: 'rule_violation',
    zh: 'statistics：报送前须填写年度统计表',
    en: 'statistics: fill in the year’s statistics table before submitting',
    article: '第二十七条',
  },
  comment_on_return_only: {
    status: 'invalid_input',
    zh: 'reviseBy：只有退回时可以要求修改期限',
    en: 'reviseBy: only a return asks for a revision by a date',
    article: '第二十七条',
  },
  revise_by_past: {
    status: 'invalid_input',
    zh: 'reviseBy：修改期限须晚于今天（{today}）',
    en: 'reviseBy: the revision date must be after today ({today})',
    article: '第二十七条',
  },
  funds_unavailable: {
    status: 'unavailable',
    zh: '经费服务暂未响应，无法读取年度报告的经费部分；报告未提交，请稍后重试',
    en: 'The funding service did not answer with the report’s funds section; the report was not submitted, try again later',
    article: '第二十七条',
  },
});
