import { defineRefusals } from '@tic/platform';

/** The refusals of objections during a public notice (A13(四), DOMAIN.md §7), by stable code `objection.<name>`. */
export const OBJECTION_REFUSALS = defineRefusals('objection', {
  not_found: { status: 'not_found', zh: '异议不存在', en: 'Objection not found' },
  not_in_notice: { status: 'not_found', zh: '公示中的该项申报不存在', en: 'That application in that notice not found' },
  outside_window: {
    status: 'rule_violation',
    zh: '公示期为{startsOn}至{endsOn}，异议须在公示期内提出',
    en: 'Objections are accepted from {startsOn} to {endsOn}',
    article: '第十三条第（四）项',
  },
  not_under_review: { status: 'conflict', zh: '该异议不在审查中', en: 'The objection is not under review' },
});
