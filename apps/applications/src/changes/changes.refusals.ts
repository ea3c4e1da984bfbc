import { defineRefusals } from '@tic/platform';

/** The refusals of change reports (A26), by stable code `change.<name>`. */
export const CHANGE_REFUSALS = defineRefusals('change', {
  center_closed: {
    status: 'conflict',
    zh: '中心状态为“{status}”（已撤销、终止或升级为国家级、部级平台），不再办理变更',
    en: 'The center is {status} and takes no change request',
    article: '第二十六条',
  },
  not_editable: {
    status: 'conflict',
    zh: '只有草稿或退回修改的变更报告可以修改',
    en: 'Only a draft (or a returned) change report can be edited',
    article: '第二十六条',
  },
  decided_in_future: {
    status: 'invalid_input',
    zh: 'decidedOn：变更决定日期不得晚于今天（{today}）',
    en: 'decidedOn: the change decision cannot be dated after today ({today})',
    article: '第二十六条',
  },
  changes_nothing: {
    status: 'invalid_input',
    zh: '{path}：与中心现状相同，不构成变更',
    en: '{path}: the center is so already; nothing changes',
    article: '第二十六条',
  },
  committee_review_on_pass_only: {
    status: 'invalid_input',
    zh: 'committeeReviewOn：只有依托单位审核通过时注明管理委员会论证日期',
    en: 'committeeReviewOn: only the supporting unit’s pass names the management committee’s review',
    article: '第二十六条',
  },
  committee_review_required: {
    status: 'invalid_input',
    zh: 'committeeReviewOn：请注明管理委员会论证（会议或书面审议）的日期',
    en: 'committeeReviewOn: name the day of the management committee’s meeting or written review',
    article: '第二十六条',
  },
});
