import type { Actor, ApplicationStatus } from '@tic/domain';

import type { EventData, EventType } from './event-catalogue';
import { CHANGE_FIXTURES } from './fixtures-change';
import { EVALUATION_FIXTURES } from './fixtures-evaluation';
import { FUNDING_FIXTURES } from './fixtures-funding';
import { REVOCATION_FIXTURES } from './fixtures-revocation';

// Shared by producer and consumer tests: one valid `data` for every event type of the catalogue.
const ids = {
  application: '0192f6a0-7c1e-7d2a-9b3c-000000000001',
  call: '0192f6a0-7c1e-7d2a-9b3c-000000000002',
  construction: '0192f6a0-7c1e-7d2a-9b3c-000000000003',
  supporting: '0192f6a0-7c1e-7d2a-9b3c-000000000004',
  coBuilder: '0192f6a0-7c1e-7d2a-9b3c-000000000005',
  recommender: '0192f6a0-7c1e-7d2a-9b3c-000000000006',
  center: '0192f6a0-7c1e-7d2a-9b3c-000000000007',
  notice: '0192f6a0-7c1e-7d2a-9b3c-000000000008',
  objection: '0192f6a0-7c1e-7d2a-9b3c-000000000009',
  change: '0192f6a0-7c1e-7d2a-9b3c-00000000000a',
  appointment: '0192f6a0-7c1e-7d2a-9b3c-00000000000b',
  person: '0192f6a0-7c1e-7d2a-9b3c-00000000000c',
  otherPlatform: '0192f6a0-7c1e-7d2a-9b3c-00000000000d',
  deadline: '0192f6a0-7c1e-7d2a-9b3c-000000000013',
  department: '0192f6a0-7c1e-7d2a-9b3c-000000000014',
  evaluation: '0192f6a0-7c1e-7d2a-9b3c-00000000000f',
} as const;

const field = { zh: '智能制造', en: 'Intelligent Manufacturing' };
const name = {
  zh: '辽宁省智能制造技术创新中心',
  en: 'Liaoning Technology Innovation Center for Intelligent Manufacturing',
};
const dst = { userId: 'user-dst-1', name: '省科技厅审核员', role: 'dst_admin' as const };
// A center's units (A7, A10).
const centerUnits = {
  supportingUnitId: ids.supporting,
  coBuilderIds: [ids.coBuilder],
  constructionUnitId: ids.construction,
  recommenderId: ids.recommender,
};
const application = {
  applicationId: ids.application,
  callId: ids.call,
  field,
  proposedName: name,
  constructionUnitId: ids.construction,
  supportingUnitId: ids.supporting,
  coBuilderIds: [ids.coBuilder],
  recommenderId: ids.recommender,
};
const step = (from: ApplicationStatus, to: ApplicationStatus, role: Actor) => ({
  ...application,
  from,
  to,
  actor: { userId: `user-${role}`, name: '经办人', role },
  article: '第十三条',
});

/** One valid `data` per event type, keyed by type. */
export const EVENT_DATA_FIXTURES: { readonly [T in EventType]: EventData<T> } = {
  'tic.application.submitted': step('draft', 'supporting_review', 'construction_unit'),
  'tic.application.supporting_review_passed': step('supporting_review', 'recommender_review', 'supporting_unit'),
  'tic.application.recommended': step('recommender_review', 'formal_review', 'recommender'),
  'tic.application.formal_review_passed': step('formal_review', 'expert_review', 'dst_admin'),
  'tic.application.shortlisted': step('expert_review', 'shortlisted', 'dst_admin'),
  'tic.application.returned': { ...step('supporting_review', 'draft', 'supporting_unit'), comment: '请补充场地证明' },
  'tic.application.rejected': { ...step('formal_review', 'rejected', 'dst_admin'), comment: '依托单位不在省内注册' },
  'tic.application.withdrawn': { ...step('public_notice', 'withdrawn', 'dst_admin'), comment: '依托单位申请撤回' },
  'tic.application.objection_filed': {
    ...step('public_notice', 'objection_review', 'public'),
    objectionId: ids.objection,
    noticeId: ids.notice,
  },
  'tic.application.objection_decided': {
    ...step('objection_review', 'public_notice', 'dst_admin'),
    objectionId: ids.objection,
    upheld: false,
    comment: '异议不成立',
  },
  'tic.application.approved': {
    ...step('public_notice', 'approved', 'dst_admin'),
    centerId: ids.center,
    track: 'formal' as const,
    approvedOn: '2026-06-15',
    waivedRules: [{ rule: 'A12.3-area', article: '第十二条第（三）项', reason: '中试基地在建，面积达标在即' }],
  },
  'tic.public_notice.started': {
    noticeId: ids.notice,
    title: '2026年度辽宁省技术创新中心拟建名单公示',
    applicationIds: [ids.application],
    startsOn: '2026-06-01',
    endsOn: '2026-06-05',
    endsOnProvisional: false,
    workingDays: 5,
  },
  'tic.public_notice.ended': {
    noticeId: ids.notice,
    applicationIds: [ids.application],
    endedOn: '2026-06-05',
    heldApplicationIds: [],
  },
  'tic.center.established': {
    centerId: ids.center,
    name,
    applicationId: ids.application,
    field,
    track: 'formal',
    status: 'operating',
    ...centerUnits,
    establishedOn: '2026-06-15',
    regionCode: '210112',
  },
  'tic.organization.registered': {
    organizationId: ids.department,
    name: '辽宁示范智能装备股份有限公司中央研究院',
    parentId: ids.supporting,
    kind: 'enterprise',
    legalPerson: false,
    isRecommender: false,
  },
  'tic.center.preparation_overdue': {
    centerId: ids.center,
    name,
    preparationStartedOn: '2026-06-15',
    preparationEndedOn: '2027-06-15',
    deadlineId: ids.deadline,
  },
  'tic.center.filed': {
    centerId: ids.center,
    name,
    filedOn: '2026-06-20',
    documentRef: '辽科发〔2026〕15号',
    actor: dst,
  },
  'tic.center.status_changed': {
    centerId: ids.center,
    name,
    from: 'operating',
    to: 'rectifying',
    action: 'start_rectification',
    article: '第三十条',
    actor: dst,
    changedOn: '2026-09-01',
  },
  'tic.center.revoked': {
    centerId: ids.center,
    name,
    ground: 1,
    grounds: [1],
    article: '第三十一条第（一）项',
    caseId: '0192f6a0-7c1e-7d2a-9b3c-000000000020',
    reason: '定期评估评价结果为不合格',
    revokedOn: '2026-10-01',
    actor: dst,
  },
  'tic.center.graduated': {
    centerId: ids.center,
    name,
    nationalPlatform: '国家技术创新中心',
    graduatedOn: '2026-10-01',
    actor: dst,
  },
  'tic.personnel.director_changed': {
    centerId: ids.center,
    appointmentId: ids.appointment,
    change: 'appointed',
    directorName: '王明',
    previousDirectorName: '李华',
    decidedOn: '2026-03-02',
    filedOn: '2026-03-20',
    filedWithinPeriod: true,
  },
  'tic.personnel.duplicate_found': {
    personId: ids.person,
    personName: '赵六',
    platformId: ids.center,
    platformName: name.zh,
    conflictingPlatformId: ids.otherPlatform,
    conflictingPlatformName: '辽宁省某重点实验室',
    conflictingSince: '2023-05-01',
    rule: 'A18-one-platform',
    article: '第十八条',
  },
  'tic.deadline.reminder': {
    deadlineId: ids.deadline,
    kind: 'D-annual-report',
    article: '第二十七条',
    subjectId: ids.center,
    centerId: ids.center,
    dueOn: '2026-03-31',
    provisional: false,
    daysBefore: 7,
  },
  'tic.deadline.overdue': {
    deadlineId: ids.deadline,
    kind: 'D-director-filing',
    article: '第十五条',
    subjectId: ids.appointment,
    centerId: ids.center,
    dueOn: '2026-04-14',
    provisional: false,
  },
  'tic.calendar.year_published': { year: 2027, holidays: ['2027-01-01'], workdays: [], actor: dst },
  ...CHANGE_FIXTURES,
  ...REVOCATION_FIXTURES,
  ...EVALUATION_FIXTURES,
  ...FUNDING_FIXTURES,
};

/** The aggregate id each fixture is about, for the envelope's `subject`. */
export const FIXTURE_SUBJECT_ID = ids.center;
