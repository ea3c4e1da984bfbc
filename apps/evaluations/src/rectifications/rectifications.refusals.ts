import { defineRefusals } from '@tic/platform';

/** The refusals of rectifications and their acceptance (A30), by stable code `rectification.<name>`. */
export const RECTIFICATION_REFUSALS = defineRefusals('rectification', {
  not_editable: {
    status: 'conflict',
    zh: '只有整改期内（或退回修改）的整改验收申请可以填写',
    en: 'Only a rectification under way (or a returned request) can be written',
    article: '第三十条',
  },
  request_incomplete: {
    status: 'rule_violation',
    zh: 'rectified：提出验收申请前须写明整改情况并附证明材料',
    en: 'rectified: write what was rectified, with evidence, before requesting acceptance',
    article: '第三十条',
  },
  not_in_expert_acceptance: {
    status: 'conflict',
    zh: '整改验收申请尚未进入（或已结束）专家验收',
    en: 'The acceptance request is not (or no longer) before the experts',
    article: '第三十条',
  },
  already_drawn: {
    status: 'conflict',
    zh: '已为该整改验收抽取专家',
    en: 'Experts are drawn for this acceptance already',
    article: '第三十条',
  },
  not_drawn: {
    status: 'conflict',
    zh: '尚未抽取验收专家',
    en: 'No acceptance experts are drawn yet',
    article: '第三十条',
  },
  already_scored: {
    status: 'conflict',
    zh: '您已为该整改验收评分',
    en: 'You have scored this acceptance already',
    article: '第三十条',
  },
  scores_missing: {
    status: 'rule_violation',
    zh: '还有{missing}位验收专家未评分',
    en: '{missing} acceptance experts have not scored yet',
    article: '第三十条',
  },
});
