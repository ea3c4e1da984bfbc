import type { Finding } from '../findings';
import type { Actor } from '../roles';
import { isCenterClosed, type CenterStatus } from './center-lifecycle';
import { condition, hasText, required } from './guards';
import { StateMachine, type Guard, type Transition } from './state-machine';

/** A27: the states of a center's annual report (年度运行报告). */
export const REPORT_STATUSES = ['draft', 'supporting_review', 'recommender_review', 'filed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_ACTIONS = ['submit', 'pass', 'file', 'return'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** What the guards of a report transition look at; each transition reads only its own fields. */
export interface ReportContext {
  /** The status of the center the report is about: a closed center takes none. */
  readonly centerStatus?: CenterStatus;
  /** The year the report covers. */
  readonly reportYear?: number;
  /** The day of the submission (YYYY-MM-DD), passed in: the domain reads no clock. */
  readonly today?: string;
  /** Comments of a reviewer who returns the report. */
  readonly comment?: string;
}

type ReportGuard = Guard<ReportContext>;

/** A27: whether a center in this status still reports (a revoked, terminated or graduated one does not). */
export function reportCenterOpenFindings(status: CenterStatus): Finding[] {
  return condition(
    'A27-center-open',
    !isCenterClosed(status),
    { zh: '中心在册，报送年度报告', en: 'The center is in the registry and reports' },
    { zh: `中心状态为“${status}”，不再报送年度报告`, en: `The center is ${status} and takes no annual report` },
  );
}

/**
 * A27 报送上一年度运行报告: the report year lies before the year of submission. A late report on an
 * earlier year is still taken (A31(三) punishes refusing to report, not reporting late).
 */
export function reportYearFindings(reportYear: number, today: string): Finding[] {
  const submissionYear = Number(today.slice(0, 4));
  return condition(
    'A27-report-year',
    Number.isInteger(reportYear) && reportYear < submissionYear,
    { zh: `报送${reportYear}年度报告`, en: `The report covers ${reportYear}` },
    {
      zh: `${submissionYear}年只能报送${submissionYear - 1}年度或更早年度的报告，不能报送${reportYear}年度`,
      en: `In ${submissionYear} a report covers ${submissionYear - 1} or earlier, not ${reportYear}`,
    },
  );
}

const centerOpen: ReportGuard = (ctx) => reportCenterOpenFindings(required(ctx.centerStatus, 'centerStatus'));

const previousYear: ReportGuard = (ctx) =>
  reportYearFindings(required(ctx.reportYear, 'reportYear'), required(ctx.today, 'today'));

const commentGiven: ReportGuard = (ctx) =>
  condition(
    'A27-review-comment',
    hasText(ctx.comment),
    { zh: '已填写退回意见', en: 'Comments given' },
    { zh: '退回年度报告须填写意见', en: 'Comments are required to return an annual report' },
  );

function step(
  from: ReportStatus,
  action: ReportAction,
  to: ReportStatus,
  roles: readonly Actor[],
  guards: readonly ReportGuard[],
): Transition<ReportStatus, ReportAction, ReportContext> {
  return { from, action, to, roles, guards, article: '第二十七条' };
}

/**
 * A27: the construction unit submits, the supporting unit reviews and passes it, the recommender
 * reviews it and files it with DST (报省科技厅备案); either reviewer may return it with comments.
 */
export const REPORT_TRANSITIONS = [
  step('draft', 'submit', 'supporting_review', ['construction_unit'], [centerOpen, previousYear]),
  step('supporting_review', 'pass', 'recommender_review', ['supporting_unit'], [centerOpen]),
  step('recommender_review', 'file', 'filed', ['recommender'], [centerOpen]),
  step('supporting_review', 'return', 'draft', ['supporting_unit'], [commentGiven]),
  step('recommender_review', 'return', 'draft', ['recommender'], [commentGiven]),
] as const;

/** The annual report state machine: the only place that decides whether a report may move. */
export const reportLifecycle = new StateMachine<ReportStatus, ReportAction, ReportContext>(
  { zh: '年度报告', en: 'annual report' },
  REPORT_TRANSITIONS,
);
