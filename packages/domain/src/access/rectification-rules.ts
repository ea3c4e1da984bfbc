import type { AccessRule } from './access-rules';

/**
 * A30: who acts on a rectification's acceptance (整改验收). The construction unit writes the request; the
 * supporting unit and the recommender review it in turn (the rectification lifecycle decides which step
 * is whose); DST draws the experts and decides; only the experts drawn for it score it.
 */
export const RECTIFICATION_RULES = {
  'rectification.write': {
    grants: { construction_unit: ['constructionUnitId'] },
    code: 'rectification.written_by_construction_unit',
    message: { zh: '整改验收申请由建设单位（部门）填写', en: 'The construction unit writes the acceptance request' },
    article: '第三十条',
  },
  'rectification.transition': {
    grants: {
      construction_unit: ['constructionUnitId'],
      supporting_unit: ['supportingUnitId'],
      recommender: ['recommenderId'],
    },
    code: 'rectification.transition_not_allowed',
    message: { zh: '无权推进该整改验收申请', en: 'You may not move this acceptance request on' },
    article: '第三十条',
  },
  'rectification.draw_experts': {
    grants: { dst_admin: 'any' },
    code: 'rectification.experts_drawn_by_dst',
    message: { zh: '整改验收专家由省科技厅组织抽取', en: 'DST draws the acceptance experts' },
    article: '第三十条',
  },
  'rectification.score': {
    grants: { expert: ['assignedUserIds'] },
    code: 'rectification.scored_by_drawn_experts',
    message: { zh: '只有抽取的验收专家可以评分', en: 'Only the experts drawn for the acceptance score it' },
    article: '第三十条',
  },
  // A30: who the acceptance experts are, their scores and the draw's seed are DST's (a drawn expert sees
  // their own entry), as the application review keeps its experts from the units.
  'rectification.read_experts': {
    grants: { dst_admin: 'any' },
    code: 'rectification.experts_for_dst',
    message: { zh: '验收专家信息仅省科技厅可见', en: 'Only DST sees the acceptance experts' },
    article: '第三十条',
  },
  'rectification.decide': {
    grants: { dst_admin: 'any' },
    code: 'rectification.decided_by_dst',
    message: { zh: '整改验收结论由省科技厅作出', en: 'DST decides the acceptance' },
    article: '第三十条',
  },
} as const satisfies Record<string, AccessRule>;
