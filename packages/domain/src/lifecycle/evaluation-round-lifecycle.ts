import type { Finding } from '../findings';
import type { Actor } from '../roles';
import { checkIndicatorSystem, type IndicatorSystem } from '../rules/evaluation-indicators';
import { gradeThresholdFindings, type GradeThresholds } from '../rules/grades';
import { condition, hasText, required } from './guards';
import { StateMachine, type Guard, type Transition } from './state-machine';

/** A28–A30: an evaluation round, from DST's draft to the announcement of its grades (公告). */
export const ROUND_STATUSES = ['draft', 'open', 'grading', 'published'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const ROUND_ACTIONS = ['open', 'start_grading', 'publish'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

export interface RoundContext {
  readonly centerCount?: number;
  readonly indicatorSystem?: IndicatorSystem;
  readonly thresholds?: GradeThresholds;
  /** Assignments neither submitted, declined nor recorded as not participating. */
  readonly unsettledAssignments?: number;
  /** Centers without a final grade (an undecided tie at the cap among them). */
  readonly ungradedCenters?: number;
}

type RoundGuard = Guard<RoundContext>;

const hasCenters: RoundGuard = (ctx) => {
  const count = required(ctx.centerCount, 'centerCount');
  return condition(
    'A28-round-procedure',
    count > 0,
    { zh: `本轮${count}个中心参评`, en: `${count} centers are due in the round` },
    { zh: '本轮没有参评中心', en: 'The round has no center' },
  );
};
const validSystem: RoundGuard = (ctx) => checkIndicatorSystem(required(ctx.indicatorSystem, 'indicatorSystem'));
const validThresholds: RoundGuard = (ctx) => gradeThresholdFindings(required(ctx.thresholds, 'thresholds'));
const assignmentsSettled: RoundGuard = (ctx) => {
  const left = required(ctx.unsettledAssignments, 'unsettledAssignments');
  return condition(
    'A28-round-procedure',
    left === 0,
    { zh: '评估机构均已提交或已记录未参评', en: 'Every assignment is submitted or settled' },
    { zh: `尚有${left}个中心未完成评估`, en: `${left} assignments are still open` },
  );
};
const allGraded: RoundGuard = (ctx) => {
  const left = required(ctx.ungradedCenters, 'ungradedCenters');
  return condition(
    'A28-round-procedure',
    left === 0,
    { zh: '全部中心已确定等次', en: 'Every center has its grade' },
    { zh: `尚有${left}个中心未确定等次`, en: `${left} centers have no grade yet` },
  );
};

function roundStep(
  from: RoundStatus,
  action: RoundAction,
  to: RoundStatus,
  guards: readonly RoundGuard[],
  article: string,
): Transition<RoundStatus, RoundAction, RoundContext> {
  return { from, action, to, roles: ['dst_admin'], guards, article };
}

/** A28: DST opens the round and entrusts agencies (A29), decides the grades and announces them (A30). */
export const ROUND_TRANSITIONS = [
  roundStep('draft', 'open', 'open', [hasCenters, validSystem, validThresholds], '第二十九条'),
  roundStep('open', 'start_grading', 'grading', [assignmentsSettled], '第三十条'),
  roundStep('grading', 'publish', 'published', [allGraded], '第二十八条'),
] as const;

export const evaluationRoundLifecycle = new StateMachine<RoundStatus, RoundAction, RoundContext>(
  { zh: '评估轮次', en: 'evaluation round' },
  ROUND_TRANSITIONS,
);

/** A29: one center entrusted to one agency in a round. */
export const ASSIGNMENT_STATUSES = ['assigned', 'scoring', 'submitted', 'declined', 'not_participated'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_ACTIONS = ['start', 'submit', 'decline', 'record_non_participation'] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

export interface AssignmentContext {
  /** From `scoreCenter`: the indicators the agency has not scored yet. */
  readonly missingIndicators?: readonly string[];
  /** The agency's written report (A29: meeting review and on-site inspection). */
  readonly reportGiven?: boolean;
  readonly reason?: string;
  /** The agency's deadline and the day of the step (YYYY-MM-DD). */
  readonly dueOn?: string;
  readonly today?: string;
}

type AssignmentGuard = Guard<AssignmentContext>;

const fullyScored: AssignmentGuard = (ctx): Finding[] => {
  const missing = required(ctx.missingIndicators, 'missingIndicators');
  return [
    ...condition(
      'A29-indicator-scores',
      missing.length === 0,
      { zh: '全部指标已评分', en: 'Every indicator is scored' },
      { zh: `以下指标尚未评分：${missing.join('、')}`, en: `Not yet scored: ${missing.join(', ')}` },
    ),
    ...condition(
      'A29-indicator-scores',
      ctx.reportGiven === true,
      { zh: '已提交评估报告', en: 'The written report is attached' },
      { zh: '须提交书面评估报告', en: 'The written evaluation report is required' },
    ),
  ];
};
const reasonGiven: AssignmentGuard = (ctx) =>
  condition(
    'A29-assignment-reason',
    hasText(ctx.reason),
    { zh: '已说明理由', en: 'The reason is given' },
    { zh: '须说明理由', en: 'A reason is required' },
  );
const pastDue: AssignmentGuard = (ctx) => {
  const dueOn = required(ctx.dueOn, 'dueOn');
  return condition(
    'A29-assignment-reason',
    required(ctx.today, 'today') > dueOn,
    { zh: `评估期限${dueOn}已过`, en: `The deadline of ${dueOn} has passed` },
    { zh: `评估期限${dueOn}尚未届满`, en: `The deadline of ${dueOn} has not passed` },
  );
};

function assignmentStep(
  from: AssignmentStatus,
  action: AssignmentAction,
  to: AssignmentStatus,
  roles: readonly Actor[],
  guards: readonly AssignmentGuard[],
): Transition<AssignmentStatus, AssignmentAction, AssignmentContext> {
  return { from, action, to, roles, guards, article: '第二十九条' };
}

/**
 * A29: the agency scores its center and submits; a center that declines, or does not take part by the
 * agency's deadline, is recorded so, and that proposes revocation ground A31(四) for DST to judge.
 */
export const ASSIGNMENT_TRANSITIONS = [
  assignmentStep('assigned', 'start', 'scoring', ['evaluator'], []),
  assignmentStep('scoring', 'submit', 'submitted', ['evaluator'], [fullyScored]),
  ...(['assigned', 'scoring'] as const).flatMap((from) => [
    assignmentStep(from, 'decline', 'declined', ['supporting_unit'], [reasonGiven]),
    assignmentStep(from, 'record_non_participation', 'not_participated', ['evaluator', 'dst_admin'], [reasonGiven]),
    assignmentStep(from, 'record_non_participation', 'not_participated', ['system'], [pastDue]),
  ]),
];

export const evaluationAssignmentLifecycle = new StateMachine<AssignmentStatus, AssignmentAction, AssignmentContext>(
  { zh: '评估任务', en: 'evaluation assignment' },
  ASSIGNMENT_TRANSITIONS,
);

/** A31(四): whether an assignment's end proposes revocation (DST then weighs the reason given). */
export function proposesRevocationForNonParticipation(status: AssignmentStatus): boolean {
  return status === 'declined' || status === 'not_participated';
}
