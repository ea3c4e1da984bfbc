import { defineRefusals } from '@tic/platform';

/** Why an appointment command is refused: stable codes, and their texts in both languages. */
export const APPOINTMENT_REFUSALS = defineRefusals('appointment', {
  platform_closed: { status: 'conflict', zh: '该平台已撤销或转出，不能再聘任人员', en: 'The platform is closed' },
  already_holds_post: {
    status: 'conflict',
    zh: '{name}已在该平台任职',
    en: '{name} already holds a post on this platform',
  },
  committee_review_not_recorded: {
    status: 'rule_violation',
    article: '第十五条',
    zh: '第十五条：管理委员会未记录{name}的会议或书面审议，committeeReviewedOn 须为已记录的管理委员会审议日期',
    en: 'A15 (第十五条): the management committee has no meeting or written review recorded on {name}; committeeReviewedOn must be the date of one',
  },
  filing_open: {
    status: 'conflict',
    article: '第十五条',
    zh: '第十五条：该主任的聘任尚未备案，请先备案聘任，再备案其调整',
    en: 'A15 (第十五条): the director’s appointment is not filed yet; file it before filing the end of the post',
  },
});
