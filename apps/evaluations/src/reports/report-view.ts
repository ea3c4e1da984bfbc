import type { EntityManager } from '@mikro-orm/postgresql';

import type { AnnualReportDto, ReportFundsDto } from '@tic/contracts';
import {
  type Actor,
  type AnnualReportStatistics,
  type Finding,
  performanceShortfallFindings,
  reportLifecycle,
  type ReportStatus,
} from '@tic/domain';
import { Deadline } from '@tic/deadlines';
import { type Caller, DirectoryCenter, HistoryEntry } from '@tic/platform';

import type { AnnualReport } from './annual-report.entity';
import { mayReadFunds } from './report-funds';

/** The history rows of annual reports carry this aggregate type. */
export const REPORT_AGGREGATE = 'report';

type ReportSummary = Omit<AnnualReportDto, 'history' | 'allowedActions'>;

/** The D-annual-report rows and centers of these reports, to show with them. */
export async function reportContext(em: EntityManager, reports: readonly AnnualReport[]) {
  const deadlineIds = reports.flatMap((r) => (r.deadlineId === null ? [] : [r.deadlineId]));
  const deadlines = deadlineIds.length === 0 ? [] : await em.find(Deadline, { id: { $in: deadlineIds } });
  const centers = await em.find(DirectoryCenter, { id: { $in: [...new Set(reports.map((r) => r.centerId))] } });
  return {
    deadlines: new Map(deadlines.map((d) => [d.id, d])),
    centers: new Map(centers.map((c) => [c.id, c])),
  };
}

/**
 * A report as a list shows it: with the funds it was submitted with (a list does not ask for a draft's),
 * and those only to a caller the funding policy lets read the center's allocations (mayReadFunds).
 */
export function toReportSummary(
  report: AnnualReport,
  context: Awaited<ReturnType<typeof reportContext>>,
  caller: Caller,
  stored: ReportFundsDto | null = report.funds,
): ReportSummary {
  const center = context.centers.get(report.centerId);
  const funds = center !== undefined && mayReadFunds(caller, center) ? stored : null;
  const due = report.deadlineId === null ? undefined : context.deadlines.get(report.deadlineId);
  return {
    id: report.id,
    version: report.version,
    centerId: report.centerId,
    centerName: { zh: center?.nameZh ?? '', en: center?.nameEn ?? '' },
    reportYear: report.reportYear,
    status: report.status,
    narrative: report.narrative,
    statistics: shownStatistics(report.statistics),
    funds,
    findings: shortfallFindings(funds),
    personnel: report.personnel,
    due: due === undefined ? null : { dueOn: due.dueOn, provisional: due.provisional, state: due.state },
    submittedOn: report.submittedOn,
    filedOn: report.filedOn,
    returned: report.returnComment === null ? null : { comment: report.returnComment, reviseBy: report.reviseBy },
    createdAt: report.createdAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
  };
}

/**
 * The report as the caller reads it, as stored: with its history, the actions the caller may take now, and
 * the funds section it was submitted with. A draft's live section is not in it (funds null): it is asked
 * after the transaction the view may be read in, and put in with `withFunds`.
 */
export async function toReportDto(em: EntityManager, report: AnnualReport, caller: Caller): Promise<AnnualReportDto> {
  const history = await em.getRepository(HistoryEntry).of(REPORT_AGGREGATE, report.id);
  const stored = report.status === 'draft' ? null : report.funds;
  return {
    ...toReportSummary(report, await reportContext(em, [report]), caller, stored),
    allowedActions: reportLifecycle.actionsFor(report.status, caller.role),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      actorName: h.actorName ?? '',
      role: h.actorRole as Actor,
      action: h.action,
      from: h.fromStatus as ReportStatus | null,
      to: h.toStatus as ReportStatus | null,
      comment: h.comment,
      article: h.article ?? '',
    })),
  };
}

/** The report showing this funds section, and the A35 findings drawn from it. */
export function withFunds(report: AnnualReportDto, funds: ReportFundsDto | null): AnnualReportDto {
  return { ...report, funds, findings: shortfallFindings(funds) };
}

/**
 * The table as stored. Reports saved before the funds section kept the units' own typed performance
 * targets in it (performanceTargets); they stay in the row as they were but are not shown, the funds
 * section being the funding service's (A35). No migration rewrites those rows.
 */
function shownStatistics(stored: AnnualReportStatistics | null): AnnualReportDto['statistics'] {
  if (stored === null) return null;
  const table: Partial<Record<string, unknown>> & AnnualReportStatistics = { ...stored };
  delete table['performanceTargets'];
  return { ...table, majorAchievements: [...stored.majorAchievements] };
}

/** A35: the advisory findings for the reviewers, from the targets of the funds section shown. */
function shortfallFindings(funds: ReportFundsDto | null): Finding[] {
  if (funds === null) return [];
  return performanceShortfallFindings(
    funds.allocations.flatMap((allocation, i) =>
      allocation.targets.map((target, j) => ({ target, path: `funds.allocations[${i}].targets[${j}]` })),
    ),
  );
}
