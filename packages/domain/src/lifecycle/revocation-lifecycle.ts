import type { RevocationGround } from '../rules/revocation';
import { condition, hasText } from './guards';
import { StateMachine, type Guard, type Transition } from './state-machine';

/**
 * The states of a revocation case (A31): a proposal (grounds 3 and 4 once their deadline passed, ground 6
 * on a misuse finding of provincial funds, A36) that DST confirms or dismisses for a good reason; an open
 * case the center's units may answer until its `answerBy`; DST's decision (revoke or close, with reasons); a revocation filed with the committee office.
 */
export const REVOCATION_STATUSES = ['proposed', 'open', 'dismissed', 'closed', 'revoked', 'filed'] as const;
export type RevocationStatus = (typeof REVOCATION_STATUSES)[number];

export const REVOCATION_ACTIONS = ['confirm', 'dismiss', 'answer', 'revoke', 'close', 'file'] as const;
export type RevocationAction = (typeof REVOCATION_ACTIONS)[number];

/** Who opens a case on which ground (DOMAIN.md §3, "Revocation grounds"). */
export const REVOCATION_OPENING = {
  /** Grounds (1) and (2) open a case as soon as the result is known. */
  automatic: [1, 2],
  /** Grounds (3) and (4) are proposed to DST when the deadline has passed. */
  proposed: [3, 4],
  /** Ground (6) is also proposed to DST by a misuse finding of the funding service that proposes it (A36). */
  proposedFromFinding: [6],
  /** Ground (5) is the center's own application, filed by its supporting unit. */
  giveUp: [5],
  /** Grounds (6)–(9) are opened by DST. */
  byDst: [6, 7, 8, 9],
} as const satisfies Record<string, readonly RevocationGround[]>;

/** What the guards of a case's step look at. */
export interface RevocationContext {
  /** DST's reasons for a decision or a dismissal (a good reason, A31(三)(四)). */
  readonly reason?: string;
  /** The supporting unit's statement in answer. */
  readonly statement?: string;
  /** The day the step is taken and the last day to answer (YYYY-MM-DD). */
  readonly today?: string;
  readonly answerBy?: string | null;
  /** Whether the units have answered. */
  readonly answered?: boolean;
}

type RevocationGuard = Guard<RevocationContext>;

const reasonGiven: RevocationGuard = (ctx) =>
  condition(
    'A31-revocation',
    hasText(ctx.reason),
    { zh: '已说明理由', en: 'Reasons are given' },
    { zh: '须说明理由', en: 'Reasons are required' },
  );

const statementGiven: RevocationGuard = (ctx) =>
  condition(
    'A31-revocation',
    hasText(ctx.statement),
    { zh: '已提交陈述意见', en: 'A statement is given' },
    { zh: '陈述意见不能为空', en: 'The statement cannot be empty' },
  );

const withinAnswerPeriod: RevocationGuard = (ctx) =>
  condition(
    'A31-revocation',
    ctx.answerBy === null || ctx.answerBy === undefined || (ctx.today ?? '') <= ctx.answerBy,
    { zh: '在陈述期限内', en: 'Inside the period to answer' },
    {
      zh: `陈述期限已于${ctx.answerBy ?? ''}届满`,
      en: `The period to answer ended on ${ctx.answerBy ?? ''}`,
    },
  );

// The units are heard before DST decides: it decides once they answered or their period ended.
const unitsHeard: RevocationGuard = (ctx) =>
  condition(
    'A31-revocation',
    ctx.answered === true || ctx.answerBy === null || ctx.answerBy === undefined || (ctx.today ?? '') > ctx.answerBy,
    { zh: '相关单位已陈述或陈述期限已届满', en: 'The units answered or their period ended' },
    {
      zh: `相关单位可在${ctx.answerBy ?? ''}前陈述意见，期满或陈述后方可作出决定`,
      en: `The units may answer until ${ctx.answerBy ?? ''}; decide once they answered or the period ended`,
    },
  );

function step(
  from: RevocationStatus,
  action: RevocationAction,
  to: RevocationStatus,
  roles: Transition<RevocationStatus, RevocationAction, RevocationContext>['roles'],
  guards: readonly RevocationGuard[],
): Transition<RevocationStatus, RevocationAction, RevocationContext> {
  return { from, action, to, roles, guards, article: '第三十一条' };
}

/** A31: the revocation case as a transition table. */
export const REVOCATION_TRANSITIONS = [
  step('proposed', 'confirm', 'open', ['dst_admin'], []),
  step('proposed', 'dismiss', 'dismissed', ['dst_admin'], [reasonGiven]),
  step('open', 'answer', 'open', ['supporting_unit'], [statementGiven, withinAnswerPeriod]),
  step('open', 'revoke', 'revoked', ['dst_admin'], [reasonGiven, unitsHeard]),
  step('open', 'close', 'closed', ['dst_admin'], [reasonGiven]),
  step('revoked', 'file', 'filed', ['dst_admin'], []),
] as const;

/** The revocation case state machine: the only place that decides whether a case may take a step. */
export const revocationLifecycle = new StateMachine<RevocationStatus, RevocationAction, RevocationContext>(
  { zh: '撤销案件', en: 'revocation case' },
  REVOCATION_TRANSITIONS,
);

/** Whether a case still stands against its center (proposed or open): neither decided nor dismissed. */
export function isPendingRevocation(status: RevocationStatus): boolean {
  return status === 'proposed' || status === 'open';
}
