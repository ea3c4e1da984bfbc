import type { RuleId } from '../rules/catalogue';
import type { PeriodLength } from './periods';

/** The services that own deadlines. */
export type DeadlineOwner = 'applications' | 'personnel' | 'evaluations' | 'funding';

export interface DeadlineKindDefinition {
  readonly rule: RuleId;
  readonly article: string;
  readonly owner: DeadlineOwner;
  /** What the period runs from. */
  readonly startsAt: { readonly zh: string; readonly en: string };
  /** The default length; D-public-notice's is a setting; 'given' when the owner gives the last day. */
  readonly length: PeriodLength | 'given';
  /** Calendar days before the due date on which reminders go out. */
  readonly reminderDaysBefore: readonly number[];
}

/**
 * The deadlines of DOMAIN.md §5. D-annual-report runs from 31 December of the report year, so that
 * three months later is 31 March of the next year (民法典第二百零一条: the start day is not counted).
 */
export const DEADLINE_KINDS = {
  'D-director-filing': {
    rule: 'A15-filing',
    article: '第十五条',
    owner: 'personnel',
    startsAt: { zh: '依托单位作出聘任或调整决定之日', en: 'the supporting unit’s appointment decision' },
    length: { workingDays: 30 },
    reminderDaysBefore: [7, 1],
  },
  'D-change-filing': {
    rule: 'A26-change-filing',
    article: '第二十六条',
    owner: 'applications',
    startsAt: { zh: '变更决定之日', en: 'the date of the change decision' },
    length: { workingDays: 30 },
    reminderDaysBefore: [7, 1],
  },
  'D-public-notice': {
    rule: 'A13-public-notice',
    article: '第十三条第（四）项',
    owner: 'applications',
    startsAt: { zh: '公示开始之日', en: 'the start of the public notice' },
    // DOMAIN.md §7: the notice counts its first day (Mon 2 March → Fri 6 March).
    length: { workingDays: 5, countsStartDay: true },
    reminderDaysBefore: [1],
  },
  'D-annual-report': {
    rule: 'A27-annual-report',
    article: '第二十七条',
    owner: 'evaluations',
    startsAt: { zh: '报告年度的12月31日', en: '31 December of the report year' },
    length: { months: 3 },
    reminderDaysBefore: [30, 7, 1],
  },
  'D-preparation': {
    rule: 'A12-relaxed',
    article: '第十二条第二款',
    // DOMAIN.md §5 names evaluations; until that service exists the center, and so its period, lives here.
    owner: 'applications',
    startsAt: { zh: '批准筹建之日', en: 'approval for preparation' },
    length: { years: 1 },
    reminderDaysBefore: [30, 7, 1],
  },
  'D-rectification': {
    rule: 'A30-grades',
    article: '第三十条',
    owner: 'evaluations',
    startsAt: { zh: '评估结果公告之日', en: 'the announcement of the grade' },
    length: { years: 1 },
    reminderDaysBefore: [30, 7, 1],
  },
  'D-evaluation-cycle': {
    rule: 'A28-cycle',
    article: '第二十八条',
    owner: 'evaluations',
    startsAt: { zh: '上次评估（或批准）之日', en: 'the last evaluation (or approval)' },
    length: { years: 2 },
    reminderDaysBefore: [30],
  },
  'D-evaluation-participation': {
    rule: 'A29-assignment-reason',
    article: '第二十九条',
    owner: 'evaluations',
    startsAt: { zh: '评估机构受托之日', en: 'the agency’s entrustment with the center' },
    // The last day is the one the agency (or DST's round) sets for the center to take part.
    length: 'given',
    reminderDaysBefore: [7, 1],
  },
  'D-revocation-answer': {
    rule: 'A31-revocation',
    article: '第三十一条',
    owner: 'applications',
    startsAt: { zh: '撤销案件立案之日', en: 'the opening of the revocation case' },
    // The last day is the case's answerBy: set by DST, or 30 days for a case opened without DST.
    length: 'given',
    reminderDaysBefore: [7, 1],
  },
  'D-funding-midyear': {
    rule: 'A36-funds',
    article: '第三十六条',
    owner: 'funding',
    startsAt: { zh: '省级财政资金下达之日', en: 'the allocation of provincial funds' },
    // The last day before the mid-year check (FUNDING_MIDYEAR_CHECK of the fiscal year): the funding
    // service then compares the allocation's execution with the expected share. A check, not a duty:
    // no reminders, and no tic.deadline.overdue.
    length: 'given',
    reminderDaysBefore: [],
  },
} as const satisfies Record<string, DeadlineKindDefinition>;

export type DeadlineKind = keyof typeof DEADLINE_KINDS;

/** All deadline kinds, in catalogue order. */
export const DEADLINE_KIND_IDS = Object.keys(DEADLINE_KINDS) as DeadlineKind[];
