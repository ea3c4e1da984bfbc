import { Injectable, Logger } from '@nestjs/common';

import { GetReportFunds, type ReportFundsDto } from '@tic/contracts';
import { refuse, RpcClient, RpcFailure } from '@tic/platform';

import type { AnnualReport } from './annual-report.entity';
import { REPORT_REFUSALS } from './reports.refusals';

/**
 * A27, A35: the annual report's funds section is the funding service's (tic.rpc.funding.funds.for_report,
 * asked as the caller who reads or submits), never retyped by the units. A draft shows it live; a submitted
 * report shows what it was submitted with.
 */
@Injectable()
export class ReportFunds {
  private readonly logger = new Logger(ReportFunds.name);

  constructor(private readonly rpc: RpcClient) {}

  /** The section a report shows: its snapshot once submitted, live while a draft, null if nobody answers. */
  async shown(report: AnnualReport): Promise<ReportFundsDto | null> {
    if (report.status !== 'draft') return report.funds;
    try {
      return await this.ask(report);
    } catch (error) {
      // A draft is still read while the funding service is away; its funds show again once it answers.
      const reason = error instanceof RpcFailure ? error.error.code : String(error);
      this.logger.warn(`funds of report ${report.id} not shown: ${reason}`);
      return null;
    }
  }

  /**
   * The section to store with the report on submission. Asked before the transaction (no lock is held while
   * another service answers); if the funding service does not answer, its `unavailable` refuses the
   * submission and nothing is changed, so the unit submits again later.
   */
  async forSubmission(report: AnnualReport): Promise<ReportFundsDto> {
    try {
      return await this.ask(report);
    } catch (error) {
      if (error instanceof RpcFailure && error.error.code === 'unavailable') throw refuse(REPORT_REFUSALS.funds_unavailable);
      throw error;
    }
  }

  private ask(report: AnnualReport): Promise<ReportFundsDto> {
    return this.rpc.request(GetReportFunds, { centerId: report.centerId, year: report.reportYear });
  }
}
