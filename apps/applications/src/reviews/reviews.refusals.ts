import { defineRefusals } from '@tic/platform';

/** The refusals of expert review (A13 专家评审), by stable code `review.<name>`. */
export const REVIEW_REFUSALS = defineRefusals('review', {
  expert_in_pool: { status: 'conflict', zh: '该专家已在库中', en: 'That expert is in the pool already' },
  not_in_expert_review: {
    status: 'conflict',
    zh: '申报不在专家评审阶段',
    en: 'The application is not in expert review',
    article: '第十三条',
  },
  already_drawn: { status: 'conflict', zh: '该申报已抽取专家', en: 'Experts are drawn for this application already' },
  too_few_experts: {
    status: 'conflict',
    zh: '符合领域且无需回避的专家{available}人，不足{needed}人',
    en: '{available} experts cover the field without a conflict; {needed} are needed',
  },
  recusal_after_scoring: {
    status: 'conflict',
    zh: '只有尚未评分的评审专家可以申请回避',
    en: 'Only an assigned expert who has not scored can recuse',
  },
  already_scored: { status: 'conflict', zh: '已评分或已回避', en: 'Already scored, or recused' },
  draw_not_found: { status: 'not_found', zh: '专家抽取记录不存在', en: 'Expert draw not found' },
  assignment_not_found: { status: 'not_found', zh: '评审任务不存在', en: 'Review assignment not found' },
});
