import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

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
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { ReportPersonnelService } from './report-personnel.service';
import { ReportStatisticsSheetsService } from './report-statistics-sheets.service';
import { ReportWorkflowService } from './report-workflow.service';
import { ReportsService } from './reports.service';

/** NATS handlers of tic.rpc.evaluations.reports.* (A27); each delegates in one line. */
@Controller()
export class ReportsHandlers {
  constructor(
    private readonly reports: ReportsService,
    private readonly workflow: ReportWorkflowService,
    private readonly sheets: ReportStatisticsSheetsService,
    private readonly personnel: ReportPersonnelService,
  ) {}

  @RpcHandler(CreateAnnualReport)
  create(@Payload() input: In<typeof CreateAnnualReport>, @CurrentCaller() caller: Caller) {
    return this.reports.create(input, caller);
  }

  @RpcHandler(UpdateAnnualReport)
  update(@Payload() input: In<typeof UpdateAnnualReport>, @CurrentCaller() caller: Caller) {
    return this.reports.update(input, caller);
  }

  @RpcHandler(GetAnnualReport)
  get(@Payload() input: In<typeof GetAnnualReport>, @CurrentCaller() caller: Caller) {
    return this.reports.get(input.id, caller);
  }

  @RpcHandler(ListAnnualReports)
  list(@Payload() input: In<typeof ListAnnualReports>, @CurrentCaller() caller: Caller) {
    return this.reports.list(input, caller);
  }

  @RpcHandler(TransitionAnnualReport)
  transition(@Payload() input: In<typeof TransitionAnnualReport>, @CurrentCaller() caller: Caller) {
    return this.workflow.transition(input, caller);
  }

  @RpcHandler(ExportReportStatisticsTemplate)
  statisticsTemplate(@Payload() input: In<typeof ExportReportStatisticsTemplate>, @CurrentCaller() caller: Caller) {
    return this.sheets.template(input.id, caller);
  }

  @RpcHandler(UploadReportStatistics)
  uploadStatistics(@Payload() input: In<typeof UploadReportStatistics>, @CurrentCaller() caller: Caller) {
    return this.sheets.upload(input, caller);
  }

  @RpcHandler(CheckReportPersonnel)
  checkPersonnel(@Payload() input: In<typeof CheckReportPersonnel>, @CurrentCaller() caller: Caller) {
    return this.personnel.check(input, caller);
  }
}
