import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import {
  CheckReportPersonnel,
  CreateAnnualReport,
  ExportReportStatisticsTemplate,
  GetAnnualReport,
  ListAnnualReports,
  TransitionAnnualReport,
  UpdateAnnualReport,
  UploadReportStatistics,
} from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { XLSX } from '../http/media-types';
import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import { REPORT_ACTORS, REPORT_READERS } from './access-lists';
import { download } from './file-download';
import { ReportStatisticsUpload, STATISTICS_UPLOAD, type StatisticsUpload } from './report-statistics-upload';
import type { RpcInput } from './rpc-input';

/** A27: centers' annual reports, written by the construction unit and filed through its reviewers with DST. */
@ApiTags('annual-reports')
@Controller('annual-reports')
export class ReportsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly statisticsUpload: ReportStatisticsUpload,
  ) {}

  @RpcRoute('GET', '', ListAnnualReports, { access: REPORT_READERS })
  list(@Input() input: RpcInput<typeof ListAnnualReports>) {
    return this.rpc.request(ListAnnualReports, input);
  }

  @RpcRoute('POST', '', CreateAnnualReport, { access: ['construction_unit'], status: 201, idempotent: true })
  create(@Input() input: RpcInput<typeof CreateAnnualReport>) {
    return this.rpc.request(CreateAnnualReport, input);
  }

  @RpcRoute('GET', ':id', GetAnnualReport, { access: REPORT_READERS })
  get(@Input() input: RpcInput<typeof GetAnnualReport>) {
    return this.rpc.request(GetAnnualReport, input);
  }

  @RpcRoute('PUT', ':id', UpdateAnnualReport, { access: ['construction_unit'], versioned: true })
  update(@Input() input: RpcInput<typeof UpdateAnnualReport>) {
    return this.rpc.request(UpdateAnnualReport, input);
  }

  // The template filled with the report's statistics, for whoever reads the report.
  @RpcRoute('GET', ':id/statistics.xlsx', ExportReportStatisticsTemplate, { access: REPORT_READERS, response: 'xlsx' })
  async statisticsTemplate(@Input() input: RpcInput<typeof ExportReportStatisticsTemplate>) {
    return download(await this.rpc.request(ExportReportStatisticsTemplate, input), XLSX);
  }

  @RpcRoute('PUT', ':id/statistics', UploadReportStatistics, {
    access: ['construction_unit'],
    versioned: true,
    upload: STATISTICS_UPLOAD,
  })
  uploadStatistics(@Input() input: RpcInput<typeof UploadReportStatistics> | StatisticsUpload) {
    return this.statisticsUpload.upload(input);
  }

  // A18: the personnel list goes to the registry through the service; the report keeps it masked.
  @RpcRoute('POST', ':id/personnel-check', CheckReportPersonnel, { access: ['construction_unit'], versioned: true })
  checkPersonnel(@Input() input: RpcInput<typeof CheckReportPersonnel>) {
    return this.rpc.request(CheckReportPersonnel, input);
  }

  // submit (construction unit), pass (supporting unit), file (recommender, with DST), return (a reviewer).
  @RpcRoute('POST', ':id/transitions', TransitionAnnualReport, { access: REPORT_ACTORS, versioned: true })
  transition(@Input() input: RpcInput<typeof TransitionAnnualReport>) {
    return this.rpc.request(TransitionAnnualReport, input);
  }
}
