import type { EventData } from './event-catalogue';

// One valid `data` for each event of a revocation case (A31), spread into EVENT_DATA_FIXTURES.
const ids = {
  case: '0192f6a0-7c1e-7d2a-9b3c-000000000020',
  center: '0192f6a0-7c1e-7d2a-9b3c-000000000007',
  supporting: '0192f6a0-7c1e-7d2a-9b3c-000000000004',
  construction: '0192f6a0-7c1e-7d2a-9b3c-000000000003',
  recommender: '0192f6a0-7c1e-7d2a-9b3c-000000000006',
  coBuilder: '0192f6a0-7c1e-7d2a-9b3c-000000000005',
  round: '0192f6a0-7c1e-7d2a-9b3c-000000000010',
} as const;

const name = {
  zh: '辽宁省智能制造技术创新中心',
  en: 'Liaoning Technology Innovation Center for Intelligent Manufacturing',
};
const dst = { userId: 'user-dst-1', name: '省科技厅审核员', role: 'dst_admin' as const };
const caseRef = { caseId: ids.case, centerId: ids.center, name, actor: dst };
const units = {
  supportingUnitId: ids.supporting,
  constructionUnitId: ids.construction,
  recommenderId: ids.recommender,
  coBuilderIds: [ids.coBuilder],
};

export const REVOCATION_FIXTURES: {
  readonly [
    T in
      | 'tic.revocation.proposed'
      | 'tic.revocation.opened'
      | 'tic.revocation.answered'
      | 'tic.revocation.dismissed'
      | 'tic.revocation.closed'
      | 'tic.revocation.filed'
      | 'tic.evaluation.not_participated'
  ]: EventData<T>;
} = {
  'tic.revocation.proposed': {
    ...caseRef,
    ...units,
    grounds: [3],
    actor: { userId: 'system', name: '平台', role: 'system' },
    proposedOn: '2026-04-01',
    cause: 'tic.report.overdue: 2025年度报告逾期未提交（应于2026-03-31前提交）',
  },
  'tic.revocation.opened': {
    ...caseRef,
    ...units,
    grounds: [5],
    openedOn: '2026-10-01',
    answerBy: '2026-10-31',
    statement: '依托单位申请放弃辽宁省技术创新中心资格',
  },
  'tic.revocation.answered': {
    ...caseRef,
    grounds: [5],
    actor: { userId: 'user-su-1', name: '依托单位', role: 'supporting_unit' },
    answeredOn: '2026-10-10',
  },
  'tic.revocation.dismissed': { ...caseRef, grounds: [3], reason: '因不可抗力未能按期提交', decidedOn: '2026-04-10' },
  'tic.revocation.closed': { ...caseRef, grounds: [6], reason: '经核查情形不成立', decidedOn: '2026-10-20' },
  'tic.revocation.filed': { ...caseRef, grounds: [5], filedOn: '2026-10-25', documentRef: '辽科发〔2026〕99号' },
  'tic.evaluation.not_participated': { roundId: ids.round, centerId: ids.center, dueOn: '2026-06-30' },
};
