import { finding } from '../findings';
import type { Actor } from '../roles';
import type { Grade } from '../rules/grades';
import { isRevocationGround, revocationGround, type RevocationGround } from '../rules/revocation';
import { condition, hasText, required } from './guards';
import { StateMachine, type Guard, type Transition } from './state-machine';

/** The states of a center (DOMAIN.md §4). */
export const CENTER_STATUSES = ['preparing', 'operating', 'rectifying', 'revoked', 'terminated', 'graduated'] as const;
export type CenterStatus = (typeof CENTER_STATUSES)[number];

/** A31, A12, A33: a revoked, terminated or graduated center is no longer a provincial center. */
export const CLOSED_CENTER_STATUSES: readonly CenterStatus[] = ['revoked', 'terminated', 'graduated'];

/** Whether a center in this status has left the registry of provincial centers. */
export function isCenterClosed(status: CenterStatus): boolean {
  return CLOSED_CENTER_STATUSES.includes(status);
}

export const CENTER_ACTIONS = [
  'complete_preparation',
  'terminate_preparation',
  'start_rectification',
  'accept_rectification',
  'revoke',
  'graduate',
] as const;
export type CenterAction = (typeof CENTER_ACTIONS)[number];

/** What the guards of a center transition look at. */
export interface CenterContext {
  /** Why DST takes the step, kept with the history. */
  readonly reason?: string;
  /** A12 last paragraph: the outcome of the evaluation at the end of preparation. */
  readonly preparationEvaluationPassed?: boolean;
  /** A30: the grade that starts a rectification. */
  readonly grade?: Grade;
  /** A30: whether the expert acceptance of the rectification passed. */
  readonly rectificationAccepted?: boolean;
  /** A31: the grounds of a revocation (a case may name several). */
  readonly grounds?: readonly RevocationGround[];
  /** A33: the national or ministerial platform the center has become. */
  readonly nationalPlatform?: string;
}

type CenterGuard = Guard<CenterContext>;

const preparationEvaluationPassed: CenterGuard = (ctx) =>
  condition(
    'A12-preparation-evaluation',
    required(ctx.preparationEvaluationPassed, 'preparationEvaluationPassed'),
    { zh: '筹建期评估符合建设条件', en: 'The preparation evaluation found the conditions met' },
    {
      zh: '筹建期评估未通过，不能转入序列管理',
      en: 'The preparation evaluation did not pass; the center cannot enter formal management',
    },
  );

const reasonGiven =
  (rule: 'A12-preparation-evaluation' | 'A31-revocation'): CenterGuard =>
  (ctx) =>
    condition(
      rule,
      hasText(ctx.reason),
      { zh: '已说明理由', en: 'A reason is given' },
      { zh: '须说明理由', en: 'A reason is required' },
    );

const gradedBasicPass: CenterGuard = (ctx) =>
  condition(
    'A30-grades',
    required(ctx.grade, 'grade') === 'basic_pass',
    { zh: '评估结果为基本合格，限期一年整改', en: 'Graded basic pass: one year to rectify' },
    { zh: '只有评估结果为基本合格的中心进行整改', en: 'Only a center graded basic pass is put under rectification' },
  );

const rectificationAccepted: CenterGuard = (ctx) =>
  condition(
    'A30-grades',
    required(ctx.rectificationAccepted, 'rectificationAccepted'),
    { zh: '整改验收通过', en: 'The rectification acceptance passed' },
    {
      zh: '整改验收未通过，应依第三十一条第（二）项撤销',
      en: 'The rectification acceptance did not pass; revocation under A31(2) follows',
    },
  );

// A31(二) presupposes a rectification; every other ground applies to any center in operation. Every
// ground a revocation names must apply to the center as it stands.
const groundStated =
  (allowed: readonly RevocationGround[]): CenterGuard =>
  (ctx) => {
    const grounds = ctx.grounds ?? [];
    if (grounds.length === 0 || !grounds.every((g) => isRevocationGround(g) && allowed.includes(g))) {
      return [
        finding('A31-revocation', false, {
          zh: `撤销须依据第三十一条的情形之一（此状态下可依据第${allowed.join('、')}项）`,
          en: `A revocation must name a ground of Article 31 that applies here (${allowed.join(', ')})`,
        }),
      ];
    }
    return [
      finding('A31-revocation', true, {
        zh: `撤销依据${grounds.map((g) => revocationGround(g).article).join('、')}`,
        en: `Revoked under ground(s) (${grounds.join('), (')}) of Article 31`,
      }),
    ];
  };

const becameNationalPlatform: CenterGuard = (ctx) =>
  condition(
    'A33-graduation',
    hasText(ctx.nationalPlatform),
    {
      zh: `已成为国家级、部级平台：${ctx.nationalPlatform ?? ''}`,
      en: `Became the national or ministerial platform ${ctx.nationalPlatform ?? ''}`,
    },
    {
      zh: '须写明所成为的国家级、部级科技创新平台基地',
      en: 'Name the national or ministerial platform the center has become',
    },
  );

function step(
  from: CenterStatus,
  action: CenterAction,
  to: CenterStatus,
  roles: readonly Actor[],
  article: string,
  guards: readonly CenterGuard[],
): Transition<CenterStatus, CenterAction, CenterContext> {
  return { from, action, to, roles, guards, article };
}

const ALL_GROUNDS: readonly RevocationGround[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const GROUNDS_IN_OPERATION = ALL_GROUNDS.filter((g) => g !== 2);

/** A12, A30, A31, A33: the center lifecycle as a transition table. */
export const CENTER_TRANSITIONS = [
  // 'system': the evaluations service's tic.evaluation.preparation_concluded carries DST's decision there.
  step('preparing', 'complete_preparation', 'operating', ['dst_admin', 'system'], '第十二条第二款', [
    preparationEvaluationPassed,
  ]),
  step('preparing', 'terminate_preparation', 'terminated', ['dst_admin', 'system'], '第十二条第二款', [
    reasonGiven('A12-preparation-evaluation'),
  ]),
  step('operating', 'start_rectification', 'rectifying', ['dst_admin', 'system'], '第三十条', [gradedBasicPass]),
  // 'system': tic.rectification.accepted carries DST's expert acceptance decided in the evaluations service.
  step('rectifying', 'accept_rectification', 'operating', ['dst_admin', 'system'], '第三十条', [rectificationAccepted]),
  step('operating', 'revoke', 'revoked', ['dst_admin'], '第三十一条', [
    groundStated(GROUNDS_IN_OPERATION),
    reasonGiven('A31-revocation'),
  ]),
  step('rectifying', 'revoke', 'revoked', ['dst_admin'], '第三十一条', [
    groundStated(ALL_GROUNDS),
    reasonGiven('A31-revocation'),
  ]),
  step('operating', 'graduate', 'graduated', ['dst_admin'], '第三十三条', [becameNationalPlatform]),
] as const;

/** The center state machine: the only place that decides whether a center may change status. */
export const centerLifecycle = new StateMachine<CenterStatus, CenterAction, CenterContext>(
  { zh: '技术创新中心', en: 'center' },
  CENTER_TRANSITIONS,
);
