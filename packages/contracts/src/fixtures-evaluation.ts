import type { EventData } from './event-catalogue';

// One valid `data` for each event of the evaluations service (A27–A30), spread into EVENT_DATA_FIXTURES.
const ids = {
  center: '0192f6a0-7c1e-7d2a-9b3c-000000000007',
  report: '0192f6a0-7c1e-7d2a-9b3c-00000000000e',
  evaluation: '0192f6a0-7c1e-7d2a-9b3c-00000000000f',
  round: '0192f6a0-7c1e-7d2a-9b3c-000000000010',
  rectification: '0192f6a0-7c1e-7d2a-9b3c-000000000011',
} as const;

export const EVALUATION_FIXTURES: {
  readonly [
    T in
      | 'tic.report.submitted'
      | 'tic.report.overdue'
      | 'tic.evaluation.graded'
      | 'tic.evaluation.preparation_concluded'
      | 'tic.evaluation.policy_support_proposed'
      | 'tic.rectification.started'
      | 'tic.rectification.accepted'
  ]: EventData<T>;
} = {
  'tic.report.submitted': {
    reportId: ids.report,
    centerId: ids.center,
    reportYear: 2025,
    submittedOn: '2026-03-15',
    dueOn: '2026-03-31',
  },
  'tic.report.overdue': { centerId: ids.center, reportYear: 2025, dueOn: '2026-03-31' },
  'tic.evaluation.graded': {
    evaluationId: ids.evaluation,
    roundId: ids.round,
    centerId: ids.center,
    score: 72.5,
    grade: 'basic_pass',
    gradedOn: '2026-09-01',
  },
  'tic.evaluation.preparation_concluded': {
    evaluationId: ids.evaluation,
    roundId: ids.round,
    centerId: ids.center,
    outcome: 'operating',
    score: 81,
    grade: 'good',
    reason: '筹建期评估良好，转入序列管理',
    decidedOn: '2027-07-01',
  },
  'tic.evaluation.policy_support_proposed': {
    evaluationId: ids.evaluation,
    roundId: ids.round,
    centerId: ids.center,
    grade: 'excellent',
    score: 93.5,
    proposedOn: '2026-09-01',
  },
  'tic.rectification.started': {
    rectificationId: ids.rectification,
    centerId: ids.center,
    evaluationId: ids.evaluation,
    startedOn: '2026-09-01',
    dueOn: '2027-09-01',
    dueOnProvisional: true,
  },
  'tic.rectification.accepted': {
    rectificationId: ids.rectification,
    centerId: ids.center,
    acceptedOn: '2027-09-10',
    passed: true,
  },
};
