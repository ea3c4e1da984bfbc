import { defineRefusals } from '@tic/platform';

/** The refusals of applications (申报), by stable code `application.<name>`. */
export const APPLICATION_REFUSALS = defineRefusals('application', {
  call_not_found: { status: 'not_found', zh: '申报通知不存在', en: 'Call not found' },
  call_closed: {
    status: 'rule_violation',
    zh: '申报已于{closesOn}截止',
    en: 'The call closed on {closesOn}',
    article: '第十一条',
  },
  not_editable: {
    status: 'conflict',
    zh: '只有草稿或退回修改的申报可以修改',
    en: 'Only a draft (or a returned application) can be edited',
  },
  revise_by_not_a_return: {
    status: 'invalid_input',
    zh: 'reviseBy：只有退回修改时才能确定重新提交的日期',
    en: 'reviseBy: only a return sets a date for the revision',
    article: '第十一条',
  },
  revise_by_past: {
    status: 'invalid_input',
    zh: 'reviseBy：重新提交的日期不得早于今天（{today}）',
    en: 'reviseBy: the date for the revision cannot be before today ({today})',
    article: '第十一条',
  },
  approved_before_notice_end: {
    status: 'rule_violation',
    zh: 'approvedOn：批准日期{approvedOn}须在公示期满（{endsOn}）之后',
    en: 'approvedOn: the approval date {approvedOn} must fall after the public notice ended on {endsOn}',
    article: '第十三条第（四）项',
  },
  waiver_outside_review: {
    status: 'conflict',
    zh: '只能在审查至公示阶段记录豁免',
    en: 'Waivers are recorded between the formal review and the approval',
  },
  supporting_unit_not_own: {
    status: 'forbidden',
    zh: '依托单位须为本单位或本单位的上级单位',
    en: 'The supporting unit must be your own organization or one above it',
    article: '第十条',
  },
  co_builders_settled: {
    status: 'conflict',
    zh: '共建单位已确认，或申报已离开可确认的阶段',
    en: 'The co-building units are already confirmed, or the application is past the stage where they may change',
    article: '第十条',
  },
});
