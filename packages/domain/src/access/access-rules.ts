import type { LocalizedText } from '../findings';
import type { Role } from '../roles';
import type { ResourceKind, ScopeField } from './access-types';
import { ANY_WHO_SEES } from './any-who-sees';
import { CENTER_STANDING_RULES } from './center-standing-rules';
import { EVALUATION_ROUND_RULES } from './evaluation-round-rules';
import { FUNDING_ACCESS_RULES } from './funding-access-rules';
import { NOTIFICATION_ACCESS_RULES } from './notification-access-rules';
import { RECTIFICATION_RULES } from './rectification-rules';
import { REPORT_ACCESS_RULES } from './report-access-rules';

/** Which resources (already seen by the caller) a role may act on: any, or those a field ties to its organization. */
export type ActionGrant = 'any' | readonly ScopeField[];

export type Grants = Partial<Record<Role, ActionGrant>>;

/** One row of the policy: who may, and the refusal (stable code, zh/en text, the article) for everyone else. */
export interface AccessRule {
  readonly grants: Grants;
  /** Different grants for some kinds (the director of a center, A15), else `grants`. */
  readonly grantsFor?: Partial<Record<ResourceKind, Grants>>;
  /** The resource is being created: the caller need not see it yet, only be allowed to make it. */
  readonly creates?: boolean;
  /**
   * The caller names the resource itself (a roster check names its platform), so a resource outside its
   * scope is refused with this rule's code rather than hidden as not found.
   */
  readonly refusesUnseen?: boolean;
  readonly code: string;
  readonly message: LocalizedText;
  readonly article?: string;
}

const DST: Grants = { dst_admin: 'any' };
const SUPPORTING_UNIT: Grants = { supporting_unit: ['supportingUnitId'] };
/** The units that manage a platform's staff: its supporting unit, and its construction unit. */
const MANAGING_UNITS: Grants = { supporting_unit: ['supportingUnitId'], construction_unit: ['constructionUnitId'] };

const dstOnly = (code: string, zh: string, en: string, article?: string): AccessRule => ({
  grants: DST,
  code,
  message: { zh, en },
  ...(article === undefined ? {} : { article }),
});

/** The authorization policy of both services: every write, by action. Reads are `<kind>.read` (read-scopes.ts). */
export const ACCESS_RULES = {
  'application.create': {
    grants: { construction_unit: ['constructionUnitId'] },
    creates: true,
    code: 'application.filled_by_construction_unit',
    message: { zh: '申报书由建设单位填写', en: 'The construction unit fills in the application' },
    article: '第十三条',
  },
  'application.update': {
    grants: { construction_unit: ['constructionUnitId'] },
    code: 'application.edited_by_construction_unit',
    message: { zh: '只有建设单位可以修改申报书', en: 'Only the construction unit edits the application' },
    article: '第十三条',
  },
  'application.transition': {
    grants: ANY_WHO_SEES,
    code: 'application.transition_not_allowed',
    message: { zh: '无权推进该申报', en: 'You may not move this application on' },
    article: '第十三条',
  },
  // A10: the supporting unit answers for its construction unit's application, so it confirms who co-builds:
  // a co-builder reads the application and its experts are excluded from the draw.
  'application.confirm_co_builders': {
    grants: SUPPORTING_UNIT,
    code: 'application.co_builders_confirmed_by_supporting_unit',
    message: { zh: '共建单位由依托单位确认', en: 'The supporting unit confirms the co-building units' },
    article: '第十条',
  },
  // A26: the construction unit (部门) reports a change of its center in writing, and edits it while it is its own.
  'change.create': {
    grants: { construction_unit: ['constructionUnitId'] },
    code: 'change.written_by_construction_unit',
    message: { zh: '变更报告由建设单位（部门）提出', en: 'The construction unit writes the change report' },
    article: '第二十六条',
  },
  'change.update': {
    grants: { construction_unit: ['constructionUnitId'] },
    code: 'change.edited_by_construction_unit',
    message: { zh: '只有建设单位可以修改变更报告', en: 'Only the construction unit edits the change report' },
    article: '第二十六条',
  },
  'change.transition': {
    grants: ANY_WHO_SEES,
    code: 'change.transition_not_allowed',
    message: { zh: '无权推进该变更报告', en: 'You may not move this change request on' },
    article: '第二十六条',
  },
  'application.export': dstOnly('application.export_by_dst', '导出由省科技厅使用', 'Exports are for DST'),
  // The center registry's workbook and statistics: DST keeps the registry, the committee office holds its filings.
  'center.export': {
    grants: { dst_admin: 'any', committee_office: 'any' },
    code: 'center.export_by_dst_and_office',
    message: {
      zh: '中心名录导出和统计仅供省科技厅和省委科技委办公室使用',
      en: 'The registry export and statistics are for DST and the committee office',
    },
  },
  // DOMAIN.md §2: a principle rule is passed over only when DST records a waiver with a reason.
  'waiver.record': dstOnly('waiver.recorded_by_dst', '只有省科技厅可以记录豁免', 'Only DST records waivers'),
  'call.open': dstOnly('call.opened_by_dst', '申报通知由省科技厅发布', 'DST opens calls', '第十三条'),
  'organization.register': dstOnly('organization.registered_by_dst', '单位由省科技厅登记', 'DST registers units'),
  'calendar.load': dstOnly('calendar.loaded_by_dst', '节假日安排由省科技厅导入', 'DST loads holiday schedules'),
  'notice.publish': dstOnly('notice.published_by_dst', '公示由省科技厅发布', 'DST publishes notices', '第十三条'),
  'objection.decide': dstOnly(
    'objection.decided_by_dst',
    '只有省科技厅可以处理异议',
    'Only DST decides objections',
    '第十三条',
  ),
  'expert.register': dstOnly('expert.registered_by_dst', '专家库由省科技厅管理', 'DST manages the expert pool'),
  'expert.list': dstOnly('expert.listed_by_dst', '专家库由省科技厅管理', 'DST manages the expert pool'),
  'review.draw': dstOnly('review.drawn_by_dst', '专家由省科技厅抽取', 'DST draws the experts', '第十三条'),
  'review.score': {
    grants: { expert: ['assignedUserIds'] },
    code: 'review.scored_by_assigned_expert',
    message: { zh: '只有抽取的专家可以评分', en: 'Only a drawn expert scores' },
    article: '第十三条',
  },
  'platform.register': dstOnly(
    'platform.registered_by_dst',
    '仅省科技厅可登记科技创新平台',
    'Only DST registers platforms',
  ),
  'roster.import': dstOnly(
    'roster.imported_by_dst',
    '仅省科技厅可导入平台人员名单',
    'Only DST imports platform rosters',
  ),
  // A18 查重 answers whether a number serves elsewhere: a unit asks only about the roster of a platform of
  // its own (issue 9, the resident-ID oracle); DST alone checks a roster on its own, province-wide.
  'roster.check': {
    grants: {
      dst_admin: 'any',
      recommender: ['recommenderId'],
      supporting_unit: ['supportingUnitId'],
      construction_unit: ['constructionUnitId'],
    },
    refusesUnseen: true,
    code: 'roster.own_platforms_only',
    message: {
      zh: '只能对本单位的平台人员名单查重',
      en: 'You may check the rosters of your own platforms only',
    },
  },
  'roster.check_anywhere': {
    grants: DST,
    refusesUnseen: true,
    code: 'roster.platform_required',
    message: {
      zh: '请指明名单所属的本单位平台（platformId）',
      en: 'Name the platform of yours that the roster belongs to (platformId)',
    },
  },
  // A unit learns of a conflict elsewhere only the platform and since when; the person and post are DST's.
  'roster.read_conflict_details': dstOnly(
    'roster.conflict_details_for_dst',
    '查重冲突的人员详情仅省科技厅可见',
    'Only DST sees who a conflict is about',
  ),
  'appointment.create_director': {
    grants: MANAGING_UNITS,
    grantsFor: { center: SUPPORTING_UNIT },
    code: 'appointment.director_by_supporting_unit',
    message: { zh: '主任由依托单位聘任（第十五条）', en: 'The supporting unit appoints the director (A15)' },
    article: '第十五条',
  },
  'appointment.end_director': {
    grants: MANAGING_UNITS,
    grantsFor: { center: SUPPORTING_UNIT },
    code: 'appointment.director_ended_by_supporting_unit',
    message: { zh: '主任的调整由依托单位决定（第十五条）', en: 'The supporting unit adjusts the director (A15)' },
    article: '第十五条',
  },
  'appointment.file_director': {
    grants: SUPPORTING_UNIT,
    code: 'appointment.filed_by_supporting_unit',
    message: { zh: '由依托单位报送备案（第十五条）', en: 'The supporting unit files the appointment (A15)' },
    article: '第十五条',
  },
  'appointment.create_staff': {
    grants: MANAGING_UNITS,
    code: 'appointment.staff_by_managing_unit',
    message: { zh: '人员由依托单位或建设单位聘任', en: 'The supporting or construction unit appoints staff' },
  },
  'appointment.end_staff': {
    grants: MANAGING_UNITS,
    code: 'appointment.staff_ended_by_managing_unit',
    message: {
      zh: '人员的聘任由依托单位或建设单位结束',
      en: 'The supporting or construction unit ends staff appointments',
    },
  },
  'committee.form': {
    grants: SUPPORTING_UNIT,
    code: 'committee.formed_by_supporting_unit',
    message: { zh: '委员会由依托单位组建', en: 'The supporting unit forms the committees' },
    article: '第十六条、第十七条',
  },
  'committee.record_meeting': {
    grants: SUPPORTING_UNIT,
    code: 'committee.meeting_by_supporting_unit',
    message: { zh: '由依托单位记录委员会会议', en: 'The supporting unit records committee meetings' },
    article: '第十五条',
  },
  'person.register': {
    grants: { dst_admin: 'any', supporting_unit: 'any', construction_unit: 'any' },
    creates: true,
    code: 'person.registered_by_units',
    message: {
      zh: '人员由依托单位、建设单位或省科技厅登记',
      en: 'People are registered by supporting or construction units, or DST',
    },
  },
  // The employer corrects a person's record, not whoever registered them first: registering a person is
  // no claim on them (issue 9), and a post on a unit's platform is not enough either, or any unit could
  // move another's director to itself and break A15 for them.
  'person.update': {
    grants: {
      dst_admin: 'any',
      supporting_unit: ['employerOrgId'],
      construction_unit: ['employerOrgId'],
      co_builder: ['employerOrgId'],
    },
    code: 'person.corrected_by_employer',
    message: {
      zh: '人员信息由其工作单位或省科技厅修改',
      en: 'A person’s record is corrected by their employer or DST',
    },
  },
  'person.change_employer': {
    grants: {
      dst_admin: 'any',
      supporting_unit: ['employerOrgId'],
      construction_unit: ['employerOrgId'],
      co_builder: ['employerOrgId'],
    },
    code: 'person.employer_changed_by_employer',
    message: {
      zh: '工作单位只能由原工作单位或省科技厅变更',
      en: 'Only the current employer or DST changes the employer',
    },
  },
  'person.reveal_id_number': dstOnly(
    'person.id_number_for_dst',
    '仅省科技厅可查看完整身份证号码',
    'Only DST reads full ID numbers',
  ),
  // CONTRACT.md: the journal is the agencies' catch-up read through the gateway, for DST and the committee office.
  'journal.read': {
    grants: { dst_admin: 'any', committee_office: 'any' },
    code: 'journal.not_a_reader',
    message: {
      zh: '只有省科技厅和省委科技委办公室可以读取事件日志',
      en: 'Only DST and the committee office read the event journal',
    },
  },
  'person.read_identity_audit': dstOnly(
    'person.identity_audit_for_dst',
    '仅省科技厅可查看',
    'Only DST reads the audit',
  ),
  ...CENTER_STANDING_RULES,
  ...RECTIFICATION_RULES,
  ...EVALUATION_ROUND_RULES,
  ...REPORT_ACCESS_RULES,
  ...NOTIFICATION_ACCESS_RULES,
  ...FUNDING_ACCESS_RULES,
} as const satisfies Record<string, AccessRule>;
