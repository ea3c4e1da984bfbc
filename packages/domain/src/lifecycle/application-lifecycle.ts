import { finding, type Finding } from '../findings';
import type { RuleId } from '../rules/catalogue';
import type { Actor } from '../roles';
import { condition, hasText, required } from './guards';
import { StateMachine, type Guard, type Transition } from './state-machine';

/** A13: the states of an application (DOMAIN.md §4). */
export const APPLICATION_STATUSES = [
  'draft',
  'supporting_review',
  'recommender_review',
  'formal_review',
  'expert_review',
  'shortlisted',
  'public_notice',
  'objection_review',
  'approved',
  'filed',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = [
  'submit',
  'pass_supporting_review',
  'recommend',
  'pass_formal_review',
  'shortlist',
  'start_public_notice',
  'file_objection',
  'uphold_objection',
  'dismiss_objection',
  'approve',
  'file',
  'return',
  'reject',
  'withdraw',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** A12 last paragraph: formal approval, or approval for preparation (筹建) under relaxed standards. */
export type ApprovalTrack = 'formal' | 'preparation';

/** A13 / DOMAIN.md §7: the fewest expert scores a review needs. */
export const MIN_EXPERT_SCORES = 3;

/** What the guards of an application transition look at; each transition reads only its own fields. */
export interface ApplicationContext {
  /** Comments of a reviewer who returns or rejects. */
  readonly comment?: string;
  /** A11: whether the call's submission window is open today (read on a first submission only). */
  readonly callWindowOpen?: boolean;
  /** A11: present when the application was returned for revision, so this submission is a resubmission. */
  readonly revision?: { readonly reviseBy: string | null; readonly today: string };
  /** Findings of `checkEligibility` and `checkCenterField` on the application as it stands (all of A12 and A37). */
  readonly eligibility?: readonly Finding[];
  /** Expert scores recorded so far. */
  readonly expertScores?: number;
  /** Drawn experts (or the reserves in their place) who have neither scored nor recused. */
  readonly expertsAwaited?: number;
  /** Whether the public notice period has ended. */
  readonly noticeEnded?: boolean;
  /** The notice's last day, and the date the approval bears: approval comes after the notice. */
  readonly noticeEndsOn?: string;
  readonly approvedOn?: string;
  /** Objections filed and not yet decided. */
  readonly openObjections?: number;
  readonly objection?: { readonly realName: boolean; readonly grounds: string; readonly withinWindow: boolean };
  readonly track?: ApprovalTrack;
}

type ApplicationGuard = Guard<ApplicationContext>;

const callWindowOpen: ApplicationGuard = (ctx) =>
  condition(
    'A11-call-window',
    required(ctx.callWindowOpen, 'callWindowOpen'),
    { zh: '在申报时间内', en: 'Inside the submission window' },
    { zh: '不在年度申报通知规定的申报时间内', en: 'Outside the call’s submission window' },
  );

// A11: the window bounds the first submission only; a returned application is resubmitted by the
// date its reviewer set, if any (DOMAIN.md §3), whenever the window closed.
const windowOrRevisionDate: ApplicationGuard = (ctx) => {
  if (ctx.revision === undefined) return callWindowOpen(ctx);
  const { reviseBy, today } = ctx.revision;
  return condition(
    'A11-call-window',
    reviseBy === null || today <= reviseBy,
    { zh: '退回修改后重新提交，不受申报时间限制', en: 'A resubmission after a return; the call window does not apply' },
    {
      zh: `退回修改应于${reviseBy ?? ''}前重新提交，已逾期`,
      en: `The revision was due by ${reviseBy ?? ''} and is overdue`,
    },
  );
};

// A12: the conditions every application is checked on; a context without them is a programmer error.
const ELIGIBILITY_RULES: readonly RuleId[] = [
  'A12.1-province',
  'A12.1-legal-person',
  'A12.3-area',
  'A12.3-equipment',
  'A12.4-staff',
  'A37-naming',
];

function eligibilityFindings(ctx: ApplicationContext): readonly Finding[] {
  const findings = required(ctx.eligibility, 'eligibility');
  const missing = ELIGIBILITY_RULES.filter((rule) => !findings.some((f) => f.rule === rule));
  if (missing.length > 0) throw new TypeError(`context.eligibility lacks the findings of ${missing.join(', ')}`);
  return findings;
}

// Hard conditions stop a submission; principle ones wait for DST's decision at approval.
const hardEligibility: ApplicationGuard = (ctx) => eligibilityFindings(ctx).filter((f) => f.severity === 'hard');

const fullEligibility: ApplicationGuard = eligibilityFindings;

const commentGiven: ApplicationGuard = (ctx) =>
  condition(
    'A13-review-comment',
    hasText(ctx.comment),
    { zh: '已填写审核意见', en: 'Comments given' },
    { zh: '退回或不予通过须填写意见', en: 'Comments are required to return or reject an application' },
  );

// A13(三): the review is complete when every drawn expert who did not recuse (or the reserve who took
// the place) has scored, and there are enough scores to compare.
const expertReviewComplete: ApplicationGuard = (ctx) => {
  const scores = required(ctx.expertScores, 'expertScores');
  const awaited = required(ctx.expertsAwaited, 'expertsAwaited');
  if (awaited > 0) {
    return [
      finding('A13-expert-review', false, {
        zh: `尚有${awaited}位抽取的专家未评分`,
        en: `${awaited} drawn expert(s) have not scored yet`,
      }),
    ];
  }
  return condition(
    'A13-expert-review',
    scores >= MIN_EXPERT_SCORES,
    { zh: `已有${scores}位专家评分`, en: `${scores} experts have scored` },
    {
      zh: `专家评分${scores}份，至少需要${MIN_EXPERT_SCORES}份`,
      en: `${scores} expert scores; at least ${MIN_EXPERT_SCORES} are needed`,
    },
  );
};

const noticeEndedWithoutObjection: ApplicationGuard = (ctx) => {
  const ended = required(ctx.noticeEnded, 'noticeEnded');
  const open = required(ctx.openObjections, 'openObjections');
  return condition(
    'A13-public-notice',
    ended && open === 0,
    { zh: '公示期满无异议', en: 'The public notice ended without objection' },
    ended
      ? { zh: `尚有${open}项异议未处理`, en: `${open} objection(s) are still undecided` }
      : { zh: '公示期尚未结束', en: 'The public notice period has not ended' },
  );
};

// A13(四) 公示无异议后印发批准文件: the approval bears a date after the notice's last day.
const approvedAfterNotice: ApplicationGuard = (ctx) => {
  const approvedOn = required(ctx.approvedOn, 'approvedOn');
  const endsOn = required(ctx.noticeEndsOn, 'noticeEndsOn');
  return condition(
    'A13-public-notice',
    approvedOn > endsOn,
    { zh: '批准日期在公示期满之后', en: 'The approval is dated after the notice ended' },
    {
      zh: `批准日期（approvedOn）${approvedOn}不得早于公示期满（${endsOn}）之后`,
      en: `The approval date (approvedOn) ${approvedOn} must fall after the notice ended on ${endsOn}`,
    },
  );
};

const objectionAdmissible: ApplicationGuard = (ctx) => {
  const objection = required(ctx.objection, 'objection');
  const admissible = objection.realName && hasText(objection.grounds) && objection.withinWindow;
  return condition(
    'A13-objection',
    admissible,
    { zh: '异议在公示期内实名提出并说明理由', en: 'The objection is named, reasoned and inside the window' },
    {
      zh: '异议须在公示期内以实名或单位名义提出并说明理由；匿名异议仅作记录',
      en: 'An objection must be filed inside the window under a real name or seal, with grounds; anonymous ones are only recorded',
    },
  );
};

// A12 last paragraph: approval for preparation relaxes the standards, which DST must justify.
const trackChosen: ApplicationGuard = (ctx) => trackFindings(required(ctx.track, 'track'));

/**
 * A12 last paragraph: the finding a track carries. Preparation relaxes the standards, a principle
 * DST waives with a reason before it approves (so it is among the findings a waiver is decided on).
 */
export function trackFindings(track: ApprovalTrack): Finding[] {
  if (track === 'formal') return [];
  return [
    finding('A12-relaxed', false, {
      zh: '按放宽标准先行批准筹建，筹建期一般不超过1年',
      en: 'Approval for preparation under relaxed standards, normally for at most one year',
    }),
  ];
}

function step(
  from: ApplicationStatus,
  action: ApplicationAction,
  to: ApplicationStatus,
  roles: readonly Actor[],
  article: string,
  guards: readonly ApplicationGuard[] = [],
): Transition<ApplicationStatus, ApplicationAction, ApplicationContext> {
  return { from, action, to, roles, guards, article };
}

// Each review level may send the application back to the construction unit or reject it (A13).
const REVIEW_LEVELS: ReadonlyArray<[ApplicationStatus, Actor, string]> = [
  ['supporting_review', 'supporting_unit', '第十三条第（二）项'],
  ['recommender_review', 'recommender', '第十三条第（二）项'],
  ['formal_review', 'dst_admin', '第十三条第（三）项'],
  ['expert_review', 'dst_admin', '第十三条第（三）项'],
  ['shortlisted', 'dst_admin', '第十三条第（三）项'],
];

/** A11, A12, A13: the application lifecycle as a transition table. */
export const APPLICATION_TRANSITIONS = [
  step('draft', 'submit', 'supporting_review', ['construction_unit'], '第十三条第（一）项', [
    windowOrRevisionDate,
    hardEligibility,
  ]),
  step('supporting_review', 'pass_supporting_review', 'recommender_review', ['supporting_unit'], '第十三条第（二）项'),
  step('recommender_review', 'recommend', 'formal_review', ['recommender'], '第十三条第（二）项'),
  step('formal_review', 'pass_formal_review', 'expert_review', ['dst_admin'], '第十三条第（三）项', [hardEligibility]),
  step('expert_review', 'shortlist', 'shortlisted', ['dst_admin'], '第十三条第（三）项', [expertReviewComplete]),
  step('shortlisted', 'start_public_notice', 'public_notice', ['dst_admin'], '第十三条第（四）项'),
  step(
    'public_notice',
    'file_objection',
    'objection_review',
    ['public', 'construction_unit', 'supporting_unit', 'co_builder', 'recommender', 'expert', 'evaluator', 'agency'],
    '第十三条第（四）项',
    [objectionAdmissible],
  ),
  // Another objection may arrive while one is under review; it is decided in the same review.
  step(
    'objection_review',
    'file_objection',
    'objection_review',
    ['public', 'construction_unit', 'supporting_unit', 'co_builder', 'recommender', 'expert', 'evaluator', 'agency'],
    '第十三条第（四）项',
    [objectionAdmissible],
  ),
  step('objection_review', 'uphold_objection', 'rejected', ['dst_admin'], '第十三条第（四）项', [commentGiven]),
  step('objection_review', 'dismiss_objection', 'public_notice', ['dst_admin'], '第十三条第（四）项', [commentGiven]),
  // DOMAIN.md §4: DST may reject an application during its notice, or withdraw it from it, with reasons.
  step('public_notice', 'reject', 'rejected', ['dst_admin'], '第十三条第（四）项', [commentGiven]),
  step('public_notice', 'withdraw', 'withdrawn', ['dst_admin'], '第十三条第（四）项', [commentGiven]),
  step('public_notice', 'approve', 'approved', ['dst_admin'], '第十三条第（四）项', [
    noticeEndedWithoutObjection,
    approvedAfterNotice,
    trackChosen,
    fullEligibility,
  ]),
  step('approved', 'file', 'filed', ['dst_admin'], '第十三条第（四）项'),
  ...REVIEW_LEVELS.flatMap(([from, reviewer, article]) => [
    step(from, 'return', 'draft', [reviewer], article, [commentGiven]),
    step(from, 'reject', 'rejected', [reviewer], article, [commentGiven]),
  ]),
] as const;

/** The application state machine: the only place that decides whether an application may move. */
export const applicationLifecycle = new StateMachine<ApplicationStatus, ApplicationAction, ApplicationContext>(
  { zh: '申报', en: 'application' },
  APPLICATION_TRANSITIONS,
);
