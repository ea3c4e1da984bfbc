import type { Actor } from '../roles';
import type { CenterStatus } from './center-lifecycle';
import { condition, hasText, required } from './guards';
import { StateMachine, type Guard, type Transition } from './state-machine';

/** A30: a basic pass's rectification and its acceptance (整改验收). */
export const RECTIFICATION_STATUSES = [
  'rectifying',
  'supporting_review',
  'recommender_review',
  'expert_acceptance',
  'passed',
  'failed',
] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_ACTIONS = ['request_acceptance', 'pass', 'return', 'accept', 'reject'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];

export interface RectificationContext {
  readonly centerStatus?: CenterStatus;
  /** A reviewer's comments on a return. */
  readonly comment?: string;
  /** The scores of the experts DST convened (0–100 each), kept with the decision. */
  readonly expertScores?: readonly number[];
  /** DST's reasons for passing or failing the acceptance. */
  readonly reason?: string;
}

type RectificationGuard = Guard<RectificationContext>;

const centerRectifying: RectificationGuard = (ctx) => {
  const status = required(ctx.centerStatus, 'centerStatus');
  return condition(
    'A30-acceptance',
    status === 'rectifying',
    { zh: '中心处于整改期', en: 'The center is rectifying' },
    { zh: `中心状态为“${status}”，不在整改期`, en: `The center is ${status}, not rectifying` },
  );
};

const commentGiven: RectificationGuard = (ctx) =>
  condition(
    'A30-acceptance',
    hasText(ctx.comment),
    { zh: '已填写退回意见', en: 'Comments given' },
    { zh: '退回整改验收申请须填写意见', en: 'Comments are required to return an acceptance request' },
  );

/**
 * The measures set no passing score for the acceptance (A30 only says DST organizes experts), so DST
 * decides pass or fail itself, on the experts' recorded scores and with its reasons; nothing is inferred
 * from a mean.
 */
const expertsHeard: RectificationGuard = (ctx) => {
  const scores = required(ctx.expertScores, 'expertScores');
  const valid = scores.every((s) => Number.isFinite(s) && s >= 0 && s <= 100);
  return [
    ...condition(
      'A30-acceptance',
      scores.length > 0 && valid,
      { zh: `已记录${scores.length}位专家的验收评分`, en: `${scores.length} experts’ scores are recorded` },
      {
        zh: '须先记录验收专家评分（0至100分）',
        en: 'The acceptance experts’ scores (0–100) must be recorded first',
      },
    ),
    ...condition(
      'A30-acceptance',
      hasText(ctx.reason),
      { zh: '已说明验收结论的理由', en: 'The decision states its reasons' },
      { zh: '验收结论须说明理由', en: 'The acceptance decision needs its reasons' },
    ),
  ];
};

function step(
  from: RectificationStatus,
  action: RectificationAction,
  to: RectificationStatus,
  roles: readonly Actor[],
  guards: readonly RectificationGuard[],
): Transition<RectificationStatus, RectificationAction, RectificationContext> {
  return { from, action, to, roles, guards, article: '第三十条' };
}

/**
 * A30: the construction unit requests acceptance, the supporting unit and the recommender review it in
 * turn (each may return it with comments), DST's experts accept it or not. A failed acceptance opens
 * revocation ground A31(二).
 */
export const RECTIFICATION_TRANSITIONS = [
  step('rectifying', 'request_acceptance', 'supporting_review', ['construction_unit'], [centerRectifying]),
  step('supporting_review', 'pass', 'recommender_review', ['supporting_unit'], []),
  step('recommender_review', 'pass', 'expert_acceptance', ['recommender'], []),
  step('supporting_review', 'return', 'rectifying', ['supporting_unit'], [commentGiven]),
  step('recommender_review', 'return', 'rectifying', ['recommender'], [commentGiven]),
  step('expert_acceptance', 'accept', 'passed', ['dst_admin'], [expertsHeard]),
  step('expert_acceptance', 'reject', 'failed', ['dst_admin'], [expertsHeard]),
] as const;

export const rectificationLifecycle = new StateMachine<RectificationStatus, RectificationAction, RectificationContext>(
  { zh: '整改验收', en: 'rectification acceptance' },
  RECTIFICATION_TRANSITIONS,
);
