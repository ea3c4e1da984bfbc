import { rpcClientProvider } from '@tic/platform';

import { CommitteeMeetings } from './committee-meetings';
import { ReportDeadlines } from './report-deadlines';
import { ReportFunds } from './report-funds';
import { ReportPersonnelService } from './report-personnel.service';
import { ReportStatisticsSheetsService } from './report-statistics-sheets.service';
import { ReportWorkflowService } from './report-workflow.service';
import { ReportsHandlers } from './reports.handlers';
import { ReportsService } from './reports.service';

/** A center's annual reports (A27) as app.module.ts lists them: handlers, services, the deadline's owner, the client that reads the committee meetings from the personnel registry and the funds section from the funding service. */
export const REPORTS_MODULE = {
  handlers: [ReportsHandlers],
  providers: [
    ReportsService,
    ReportWorkflowService,
    ReportStatisticsSheetsService,
    ReportPersonnelService,
    ReportDeadlines,
    CommitteeMeetings,
    ReportFunds,
    rpcClientProvider('evaluations'),
  ],
} as const;
