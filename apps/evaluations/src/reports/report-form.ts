import type { ReportStatisticsDto } from '@tic/contracts';
import { type AnnualReportStatistics, checkAnnualReportStatistics, isCenterClosed } from '@tic/domain';
import { type DirectoryCenter, refuse } from '@tic/platform';

import { REPORT_REFUSALS } from './reports.refusals';

/**
 * A27: the statistics table as the report keeps it, once the domain found no bad field; every bad field is
 * named in one 400 (path, message), so that nothing is half written.
 */
export function checkedStatistics(statistics: ReportStatisticsDto): AnnualReportStatistics {
  const table = withoutUndefined(statistics);
  const { errors } = checkAnnualReportStatistics(table);
  if (errors.length > 0) {
    throw refuse(
      REPORT_REFUSALS.statistics_invalid,
      { count: errors.length },
      {
        rule: 'A27-statistics',
        errors: errors.map((e) => ({ path: `statistics.${e.path}`, message: `${e.message.zh}（${e.message.en}）` })),
      },
    );
  }
  return table;
}

/** A27: a closed center (revoked, terminated, graduated) takes no report. */
export function assertCenterReports(center: DirectoryCenter): void {
  if (isCenterClosed(center.status)) throw refuse(REPORT_REFUSALS.center_closed, { status: center.status });
}

/** A27 报送上一年度: a report covers a year before today's. */
export function assertYearPast(reportYear: number, today: string): void {
  const last = Number(today.slice(0, 4)) - 1;
  if (reportYear > last) throw refuse(REPORT_REFUSALS.year_not_past, { today, last });
}

// zod leaves an omitted optional key as undefined; jsonb keeps the table as the domain reads it.
function withoutUndefined(statistics: ReportStatisticsDto): AnnualReportStatistics {
  return JSON.parse(JSON.stringify(statistics)) as AnnualReportStatistics;
}
