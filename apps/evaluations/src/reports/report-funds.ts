import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';

import { GetReportFunds, type ReportFundsDto } from '@tic/contracts';
import {
  type Caller,
  DirectoryCenter,
  directoryCenterFacts,
  mayAccess,
  refuse,
  RpcClient,
  RpcFailure,
} from '@tic/platform';

import type { AnnualReport } from './annual-report.entity';
import { REPORT_REFUSALS } from './reports.refusals';

/** The report a funds section is of: its center and year, and whether it is still a draft. */
type FundsOf = Pick<AnnualReport, 'id' | 'centerId' | 'reportYear' | 'status'>;

/**
 * A32–A36: the funds section is the center's provincial funds, so it is shown only to whoever the funding
 * policy lets read the center's allocations (a co-building unit sees the report, not its funds).
 */
export function mayReadFunds(caller: Caller, center: DirectoryCenter): boolean {
  return mayAccess(caller, 'allocation.read', directoryCenterFacts('allocation', center));
}

/**
 * A27, A35: the annual report's funds section is the funding service's (tic.rpc.funding.funds.for_report,
 * asked as the caller who reads or submits), never retyped by the units. A draft shows it live; a submitted
 * report shows what it was submitted with. The funding service is only ever asked outside a transaction:
 * no row lock or pooled connection is held while another service answers.
 */
@Injectable()
export class ReportFunds {
  private readonly logger = new Logger(ReportFunds.name);

  constructor(
    private readonly rpc: RpcClient,
    private readonly entityManager: EntityManager,
  ) {}

  /** The section a report shows the caller: its snapshot once submitted, live while a draft, else null. */
  async shown(report: FundsOf & Pick<AnnualReport, 'funds'>, caller: Caller): Promise<ReportFundsDto | null> {
    if (!(await this.mayRead(report, caller))) return null;
    return report.status === 'draft' ? this.live(report) : report.funds;
  }

  /**
   * A draft's live section if the caller may read it (undefined for a submitted report, whose snapshot is
   * stored with it); null if the caller may not, or the funding service does not answer.
   */
  async liveFor(report: FundsOf, caller: Caller): Promise<ReportFundsDto | null | undefined> {
    if (report.status !== 'draft') return undefined;
    // Not even asked for a caller who may not read the center's funds.
    if (!(await this.mayRead(report, caller))) return null;
    return this.live(report);
  }

  /**
   * The section to store with the report on submission. Asked before the transaction (no lock is held while
   * another service answers); if the funding service does not answer, its `unavailable` refuses the
   * submission and nothing is changed, so the unit submits again later.
   */
  async forSubmission(report: FundsOf): Promise<ReportFundsDto> {
    try {
      return await this.ask(report);
    } catch (error) {
      if (error instanceof RpcFailure && error.error.code === 'unavailable')
        throw refuse(REPORT_REFUSALS.funds_unavailable);
      throw error;
    }
  }

  private async mayRead(report: FundsOf, caller: Caller): Promise<boolean> {
    const center = await this.entityManager.fork().findOne(DirectoryCenter, { id: report.centerId });
    return center !== null && mayReadFunds(caller, center);
  }

  private async live(report: FundsOf): Promise<ReportFundsDto | null> {
    try {
      return await this.ask(report);
    } catch (error) {
      // A draft is still read while the funding service is away; its funds show again once it answers.
      const reason = error instanceof RpcFailure ? error.error.code : String(error);
      this.logger.warn(`funds of report ${report.id} not shown: ${reason}`);
      return null;
    }
  }

  private ask(report: FundsOf): Promise<ReportFundsDto> {
    return this.rpc.request(GetReportFunds, { centerId: report.centerId, year: report.reportYear });
  }
}
