import type { Finding } from '../findings';
import type { Actor } from '../roles';
import { isCenterClosed, type CenterStatus } from './center-lifecycle';
import { condition, hasText, required } from './guards';
import { StateMachine, type Guard, type Transition } from './state-machine';

/** A26: the states of a center's change request (更名、主要研究方向变更、依托或共建单位重大调整、重组). */
export const CHANGE_STATUSES = ['draft', 'supporting_review', 'recommender_review', 'dst_review', 'filed'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export const CHANGE_ACTIONS = ['submit', 'pass', 'consent', 'approve', 'return'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** A26: what a change request may carry, one kind or several. */
export const CHANGE_KINDS = ['rename', 'direction', 'reorganization'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What the guards of a change transition look at; each transition reads only its own fields. */
export interface ChangeContext {
  /** The status of the center the change is about: a closed center takes none. */
  readonly centerStatus?: CenterStatus;
  /** Comments of a reviewer who returns the report. */
  readonly comment?: string;
  /** A26: the management committee's review the supporting unit names, and whether the registry holds it. */
  readonly committeeReview?: { readonly reviewedOn: string; readonly recorded: boolean };
}

type ChangeGuard = Guard<ChangeContext>;

/** A26: whether a center in this status may still change (a revoked, terminated or graduated one may not). */
export function centerOpenFindings(status: CenterStatus): Finding[] {
  return condition(
    'A26-center-open',
    !isCenterClosed(status),
    { zh: '中心在册，可以办理变更', en: 'The center is in the registry and may change' },
    {
      zh: `中心已${CLOSED_ZH[status] ?? status}，不再办理变更`,
      en: `The center is ${status} and takes no change request`,
    },
  );
}

const CLOSED_ZH: Partial<Record<CenterStatus, string>> = {
  revoked: '撤销',
  terminated: '终止',
  graduated: '升级为国家级、部级平台',
};

const centerOpen: ChangeGuard = (ctx) => centerOpenFindings(required(ctx.centerStatus, 'centerStatus'));

// A26 经管理委员会论证: the review date must be a meeting or written review the personnel registry holds.
const committeeReviewed: ChangeGuard = (ctx) => {
  const review = required(ctx.committeeReview, 'committeeReview');
  return condition(
    'A26-committee-review',
    review.recorded,
    {
      zh: `管理委员会已于${review.reviewedOn}论证`,
      en: `The management committee argued the change on ${review.reviewedOn}`,
    },
    {
      zh: `人员登记中没有该中心管理委员会${review.reviewedOn}的会议或书面审议记录`,
      en: `The registry holds no meeting or written review of the center’s management committee on ${review.reviewedOn}`,
    },
  );
};

const commentGiven: ChangeGuard = (ctx) =>
  condition(
    'A26-review-comment',
    hasText(ctx.comment),
    { zh: '已填写退回意见', en: 'Comments given' },
    { zh: '退回变更报告须填写意见', en: 'Comments are required to return a change report' },
  );

const ARTICLE = '第二十六条';

function step(
  from: ChangeStatus,
  action: ChangeAction,
  to: ChangeStatus,
  roles: readonly Actor[],
  guards: readonly ChangeGuard[],
): Transition<ChangeStatus, ChangeAction, ChangeContext> {
  return { from, action, to, roles, guards, article: ARTICLE };
}

// Each reviewer may send the report back to the construction unit, with comments.
const REVIEWERS: ReadonlyArray<[ChangeStatus, Actor]> = [
  ['supporting_review', 'supporting_unit'],
  ['recommender_review', 'recommender'],
  ['dst_review', 'dst_admin'],
];

/**
 * A26: the construction unit reports in writing to the supporting unit, which passes it once the
 * management committee has argued it; the recommender consents; DST reviews and files it.
 */
export const CHANGE_TRANSITIONS = [
  step('draft', 'submit', 'supporting_review', ['construction_unit'], [centerOpen]),
  step('supporting_review', 'pass', 'recommender_review', ['supporting_unit'], [centerOpen, committeeReviewed]),
  step('recommender_review', 'consent', 'dst_review', ['recommender'], [centerOpen]),
  step('dst_review', 'approve', 'filed', ['dst_admin'], [centerOpen]),
  ...REVIEWERS.map(([from, reviewer]) => step(from, 'return', 'draft', [reviewer], [commentGiven])),
] as const;

/** The change request state machine: the only place that decides whether a change report may move. */
export const changeLifecycle = new StateMachine<ChangeStatus, ChangeAction, ChangeContext>(
  { zh: '变更报告', en: 'change request' },
  CHANGE_TRANSITIONS,
);
