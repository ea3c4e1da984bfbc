import type { AccessRule } from './access-rules';

const ORGANIZED_BY_DST = {
  code: 'round.dst_only',
  message: { zh: '评估轮次由省科技厅组织', en: 'DST organizes evaluation rounds' },
  article: '第二十八条',
} as const;

const WORK_OF_THE_AGENCY = {
  code: 'round.agency_only',
  message: {
    zh: '只有受托的第三方评估机构可以评分和提交评估报告',
    en: 'Only the entrusted third-party agency scores and reports',
  },
  article: '第二十九条',
} as const;

/**
 * A28–A30: who acts on an evaluation round and on one center's entry in it (its assignment). DST organizes
 * the round (opens, entrusts, grades, publishes, exports); the agency entrusted with a center scores it. The
 * round as a whole is named by the caller, so a refusal of it says why rather than hiding it; an entry the
 * caller does not see is not found.
 */
export const EVALUATION_ROUND_RULES = {
  'round.organize': { grants: { dst_admin: 'any' }, refusesUnseen: true, ...ORGANIZED_BY_DST },
  // A29: an agency lists the rounds it is entrusted in (its list scope narrows them); a unit reads its
  // centers' evaluations through the center instead.
  'round.list': { grants: { dst_admin: 'any', evaluator: 'any' }, refusesUnseen: true, ...ORGANIZED_BY_DST },
  // A29 回避: an agency states the units it is related to, before DST entrusts it with any center.
  'round.declare_relations': { grants: { evaluator: 'any' }, creates: true, ...WORK_OF_THE_AGENCY },
  'round.score': { grants: { evaluator: ['entrustedAgencyId'] }, ...WORK_OF_THE_AGENCY },
  // A30: the scores and the grade are DST's and the entrusted agency's until the round is published.
  'round.read_unpublished_grading': {
    grants: { dst_admin: 'any', evaluator: ['entrustedAgencyId'] },
    code: 'round.grading_not_published',
    message: {
      zh: '评估结果公告前仅省科技厅和受托评估机构可见',
      en: 'Until announced, only DST and the agency see it',
    },
    article: '第三十条',
  },
} as const satisfies Record<string, AccessRule>;
