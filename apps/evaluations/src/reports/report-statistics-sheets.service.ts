import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import {
  type AnnualReportDto,
  type ExportReportStatisticsTemplate,
  type RpcResponse,
  UploadReportStatistics,
} from '@tic/contracts';
import { readStatisticsSheets, type SheetCellError } from '@tic/domain';
import { assertVersion, type Caller, DirectoryCenter, type In, refuse, requireAccess, UnitOfWork } from '@tic/platform';

import { AnnualReport } from './annual-report.entity';
import { assertCenterReports } from './report-form';
import { ReportFunds } from './report-funds';
import { REPORT_REFUSALS } from './reports.refusals';
import { ReportsService } from './reports.service';
import { statisticsWorkbook } from './statistics-workbook';

/** A27: the statistics table as an Excel template: downloaded filled with the report's, uploaded to replace it. */
@Injectable()
export class ReportStatisticsSheetsService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly reports: ReportsService,
    private readonly funds: ReportFunds,
  ) {}

  async template(id: string, caller: Caller): Promise<RpcResponse<typeof ExportReportStatisticsTemplate>> {
    const report = await this.entityManager.fork().getRepository(AnnualReport).findVisible(id, caller);
    return statisticsWorkbook(report.reportYear, report.statistics, await this.funds.shown(report, caller));
  }

  async upload(input: In<typeof UploadReportStatistics>, caller: Caller): Promise<AnnualReportDto> {
    const saved = await this.uow.run(
      UploadReportStatistics,
      input,
      async ({ em }) => {
        const reports = em.getRepository(AnnualReport);
        const report = await reports.findVisibleForUpdate(input.id, caller);
        requireAccess(caller, 'report.update', await reports.facts(report));
        assertVersion(input.version, report.version);
        if (report.status !== 'draft') throw refuse(REPORT_REFUSALS.not_editable);
        assertCenterReports(await em.findOneOrFail(DirectoryCenter, { id: report.centerId }));
        const reading = readStatisticsSheets(input.sheets);
        if (!reading.ok) throw sheetRefusal(reading.errors);
        report.statistics = reading.statistics;
        return report.id;
      },
      (em, id) => this.reports.storedView(em, id, caller),
    );
    return this.reports.withLiveFunds(saved, caller);
  }
}

function sheetRefusal(errors: readonly SheetCellError[]) {
  return refuse(
    REPORT_REFUSALS.statistics_sheet_invalid,
    { count: errors.length },
    {
      rule: 'A27-statistics',
      errors: errors.map((e) => ({
        path: `${e.sheet}!${e.column ?? ''}${e.row ?? ''}`,
        message: `${e.sheet}${e.row === null ? '' : ` 第${e.row}行`}${e.column === null ? '' : ` ${e.column}列`}：${e.message.zh}（${e.message.en}）`,
      })),
    },
  );
}
