import type { AccessRule } from './access-rules';
import { ANY_WHO_SEES } from './any-who-sees';

/**
 * A27: who writes and moves a center's annual report, and who reports a major achievement. The
 * construction unit (部门) writes the report; the lifecycle's transition table decides each review step,
 * taken by whoever sees the report (its supporting unit, its recommender).
 */
export const REPORT_ACCESS_RULES = {
  'report.create': {
    grants: { construction_unit: ['constructionUnitId'] },
    code: 'report.written_by_construction_unit',
    message: { zh: '年度报告由建设单位（部门）报送', en: 'The construction unit writes the annual report' },
    article: '第二十七条',
  },
  'report.update': {
    grants: { construction_unit: ['constructionUnitId'] },
    code: 'report.edited_by_construction_unit',
    message: { zh: '只有建设单位可以修改年度报告', en: 'Only the construction unit edits the annual report' },
    article: '第二十七条',
  },
  'report.transition': {
    grants: ANY_WHO_SEES,
    code: 'report.transition_not_allowed',
    message: { zh: '无权推进该年度报告', en: 'You may not move this annual report on' },
    article: '第二十七条',
  },
  // A27 重大科技成果的产出及转化情况，应及时通过依托单位向省科技厅报告.
  'achievement.report': {
    grants: { supporting_unit: ['supportingUnitId'] },
    code: 'achievement.reported_by_supporting_unit',
    message: {
      zh: '重大科技成果由依托单位向省科技厅报告',
      en: 'The supporting unit reports major achievements to DST',
    },
    article: '第二十七条',
  },
} as const satisfies Record<string, AccessRule>;
