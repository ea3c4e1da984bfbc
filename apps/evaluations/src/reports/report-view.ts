import type { EntityManager } from '@mikro-orm/postgresql';

import type { AnnualReportDto } from '@tic/contracts';
import { type Actor, reportLifecycle, type ReportStatus } from '@tic/domain';
import { Deadline } from '@tic/deadlines';
import { type Caller, DirectoryCenter, HistoryEntry } from '@tic/platform';

import type { AnnualReport } from './annual-report.entity';
import { statisticsFindings } from './report-form';

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

/** A report as a list shows it. */
export function toReportSummary(
  report: AnnualReport,
  context: Awaited<ReturnType<typeof reportContext>>,
): ReportSummary {
  const center = context.centers.get(report.centerId);
  const due = report.deadlineId === null ? undefined : context.deadlines.get(report.deadlineId);
  return {
    id: report.id,
    version: report.version,
    centerId: report.centerId,
    centerName: { zh: center?.nameZh ?? '', en: center?.nameEn ?? '' },
    reportYear: report.reportYear,
    status: report.status,
    narrative: report.narrative,
    statistics:
      report.statistics === null
        ? null
        : {
            ...report.statistics,
            majorAchievements: [...report.statistics.majorAchievements],
            performanceTargets: [...report.statistics.performanceTargets],
          },
    findings: statisticsFindings(report.statistics),
    personnel: report.personnel,
    due: due === undefined ? null : { dueOn: due.dueOn, provisional: due.provisional, state: due.state },
    submittedOn: report.submittedOn,
    filedOn: report.filedOn,
    returned: report.returnComment === null ? null : { comment: report.returnComment, reviseBy: report.reviseBy },
    createdAt: report.createdAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
  };
}

/** The report as the caller reads it: with its history and the actions the caller may take now. */
export async function toReportDto(em: EntityManager, report: AnnualReport, caller: Caller): Promise<AnnualReportDto> {
  const history = await em.getRepository(HistoryEntry).of(REPORT_AGGREGATE, report.id);
  return {
    ...toReportSummary(report, await reportContext(em, [report])),
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
