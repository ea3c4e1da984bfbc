import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { type AnnualReportDto, CreateAnnualReport, type ListAnnualReports, UpdateAnnualReport } from '@tic/contracts';
import { notFound } from '@tic/domain';
import { Clock } from '@tic/deadlines';
import {
  assertVersion,
  type Caller,
  DirectoryCenter,
  type In,
  newId,
  pageOf,
  refuse,
  requireAccess,
  RpcFailure,
  UnitOfWork,
  directoryCenterFacts,
} from '@tic/platform';

import { AnnualReport } from './annual-report.entity';
import { findReportDeadline } from './report-deadlines';
import { ReportFunds } from './report-funds';
import { assertCenterReports, assertYearPast, checkedStatistics } from './report-form';
import { reportContext, toReportDto, toReportSummary, withFunds } from './report-view';
import { REPORT_REFUSALS } from './reports.refusals';

/** A27: the construction unit drafts its center's annual report and edits it while it is its own; reads and lists. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly funds: ReportFunds,
  ) {}

  async create(input: In<typeof CreateAnnualReport>, caller: Caller): Promise<AnnualReportDto> {
    try {
      return await this.withLiveFunds(await this.draft(input, caller), caller);
    } catch (error) {
      // Two creates of one center and year at once both pass the check above; the unique index stops the second.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const existing = await this.entityManager
        .fork()
        .findOne(AnnualReport, { centerId: input.centerId, reportYear: input.reportYear });
      throw refuse(REPORT_REFUSALS.already_exists, { year: input.reportYear, id: existing?.id ?? '' });
    }
  }

  private draft(input: In<typeof CreateAnnualReport>, caller: Caller): Promise<AnnualReportDto> {
    return this.uow.run(
      CreateAnnualReport,
      input,
      async ({ em }) => {
        const center = await visibleCenter(em, input.centerId, caller);
        requireAccess(caller, 'report.create', directoryCenterFacts('report', center));
        assertCenterReports(center);
        assertYearPast(input.reportYear, this.clock.today());
        const statistics = input.statistics === undefined ? null : checkedStatistics(input.statistics);
        const existing = await em.findOne(AnnualReport, { centerId: center.id, reportYear: input.reportYear });
        if (existing !== null) {
          throw refuse(REPORT_REFUSALS.already_exists, { year: input.reportYear, id: existing.id });
        }
        const deadline = await findReportDeadline(em, center.id, input.reportYear);
        const report = em.create(AnnualReport, {
          // The id the D-annual-report row was scheduled for, so that its overdue event and the report's own
          // events are one aggregate, numbered on from that event if it was already told.
          id: deadline?.subjectId ?? newId(),
          eventVersion: deadline?.state === 'fired' ? 1 : 0,
          centerId: center.id,
          reportYear: input.reportYear,
          narrative: input.narrative,
          statistics,
          deadlineId: deadline?.id ?? null,
        });
        return report.id;
      },
      (em, id) => this.storedView(em, id, caller),
    );
  }

  async update(input: In<typeof UpdateAnnualReport>, caller: Caller): Promise<AnnualReportDto> {
    const saved = await this.uow.run(
      UpdateAnnualReport,
      input,
      async ({ em }) => {
        const reports = em.getRepository(AnnualReport);
        const report = await reports.findVisibleForUpdate(input.id, caller);
        requireAccess(caller, 'report.update', await reports.facts(report));
        assertVersion(input.version, report.version);
        if (report.status !== 'draft') throw refuse(REPORT_REFUSALS.not_editable);
        assertCenterReports(await em.findOneOrFail(DirectoryCenter, { id: report.centerId }));
        if (input.narrative !== undefined) report.narrative = input.narrative;
        if (input.statistics !== undefined) report.statistics = checkedStatistics(input.statistics);
        return report.id;
      },
      (em, id) => this.storedView(em, id, caller),
    );
    return this.withLiveFunds(saved, caller);
  }

  async get(id: string, caller: Caller): Promise<AnnualReportDto> {
    return this.withLiveFunds(await this.storedView(this.entityManager.fork(), id, caller), caller);
  }

  /**
   * The report as the caller sees it as stored, read through `em` (a command's, to answer with what it
   * changed, recorded with the change for a retry); a draft's live funds are added by `withLiveFunds`.
   */
  async storedView(em: EntityManager, id: string, caller: Caller): Promise<AnnualReportDto> {
    return toReportDto(em, await em.getRepository(AnnualReport).findVisible(id, caller), caller);
  }

  /**
   * A draft with its live funds section, asked once the command's transaction has committed: a slow or
   * absent funding service then holds no row lock and no pooled connection (A27, A35).
   */
  async withLiveFunds(report: AnnualReportDto, caller: Caller): Promise<AnnualReportDto> {
    const live = await this.funds.liveFor(report, caller);
    return live === undefined ? report : withFunds(report, live);
  }

  async list(input: In<typeof ListAnnualReports>, caller: Caller) {
    const em = this.entityManager.fork();
    // A center the caller does not see is a 404, not an empty list.
    if (input.centerId !== undefined) await visibleCenter(em, input.centerId, caller);
    const reports = em.getRepository(AnnualReport);
    const scope = await reports.visibleFilter(caller);
    if (scope === null) return { items: [] };
    const rows = await reports.page(scope, input, input.cursor, input.limit);
    const context = await reportContext(em, rows);
    return pageOf(
      rows,
      input.limit,
      (row) => row.id,
      (row) => toReportSummary(row, context, caller),
    );
  }
}

/** The center from the directory, if the caller sees it; otherwise 404, whether it exists or not. */
export async function visibleCenter(em: EntityManager, centerId: string, caller: Caller): Promise<DirectoryCenter> {
  const center = await em.findOne(DirectoryCenter, { id: centerId });
  if (center === null) throw RpcFailure.denied(notFound('center'));
  requireAccess(caller, 'center.read', { ...directoryCenterFacts('report', center), kind: 'center' });
  return center;
}
