import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { type AnnualReportDto, ReportSubmitted, TransitionAnnualReport } from '@tic/contracts';
import {
  type AnnualReportStatistics,
  checkAnnualReportStatistics,
  type ReportContext,
  reportLifecycle,
} from '@tic/domain';
import { Clock, Deadlines } from '@tic/deadlines';
import {
  assertVersion,
  type Caller,
  type CommandScope,
  DirectoryCenter,
  type In,
  nextEventVersion,
  refuse,
  requireAccess,
  RpcFailure,
  UnitOfWork,
} from '@tic/platform';

import { AnnualReport } from './annual-report.entity';
import { CommitteeMeetings } from './committee-meetings';
import { findReportDeadline, reportPeriodStart, scheduleReportDeadline } from './report-deadlines';
import { ReportFunds } from './report-funds';
import { REPORT_AGGREGATE } from './report-view';
import { REPORT_REFUSALS } from './reports.refusals';
import { ReportsService } from './reports.service';

type TransitionInput = In<typeof TransitionAnnualReport>;

/**
 * A27: an annual report's path, each step decided by the report lifecycle: submitted by the construction
 * unit (D-annual-report is met, the next year's scheduled), passed by the supporting unit, filed with DST by
 * the recommender; either reviewer may return it with comments and a date to revise it by.
 */
@Injectable()
export class ReportWorkflowService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly committeeMeetings: CommitteeMeetings,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly deadlines: Deadlines,
    private readonly funds: ReportFunds,
    private readonly reports: ReportsService,
  ) {}

  async transition(input: TransitionInput, caller: Caller): Promise<AnnualReportDto> {
    const today = this.clock.today();
    if (input.reviseBy !== undefined && input.action !== 'return') {
      throw refuse(
        REPORT_REFUSALS.comment_on_return_only,
        {},
        { errors: [{ path: 'reviseBy', message: 'return only' }] },
      );
    }
    if (input.reviseBy !== undefined && input.reviseBy <= today) {
      throw refuse(
        REPORT_REFUSALS.revise_by_past,
        { today },
        { errors: [{ path: 'reviseBy', message: 'in the past' }] },
      );
    }
    const asked = input.action === 'submit' ? await this.askOtherServices(input, caller, today) : undefined;
    const saved = await this.uow.run(
      TransitionAnnualReport,
      input,
      async (scope) => {
        const { em } = scope;
        const reports = em.getRepository(AnnualReport);
        const report = await reports.findVisibleForUpdate(input.id, caller);
        requireAccess(caller, 'report.transition', await reports.facts(report));
        assertVersion(input.version, report.version);
        const center = await em.findOneOrFail(DirectoryCenter, { id: report.centerId });
        const decision = scope.decide(
          reportLifecycle.decide(
            report.status,
            input.action,
            caller.role,
            lifecycleContext(input, report, center, today),
          ),
        );
        if (input.action === 'submit') {
          report.statistics = { ...completeStatistics(report), ...asked?.meetings };
          // Asked for every submission let through before the transaction; never stored without them.
          if (!asked?.funds) throw refuse(REPORT_REFUSALS.funds_unavailable);
          report.funds = asked.funds;
        }
        const from = report.status;
        report.status = decision.to;
        switch (input.action) {
          case 'submit':
            await this.submit(scope, report, today);
            break;
          case 'pass':
            break;
          case 'file':
            report.filedOn = today;
            break;
          case 'return':
            report.returnComment = input.comment ?? '';
            report.reviseBy = input.reviseBy ?? null;
            break;
        }
        scope.history(report, {
          aggregateType: REPORT_AGGREGATE,
          action: input.action,
          from,
          to: report.status,
          comment: input.comment ?? null,
          article: decision.article,
        });
      },
      (em) => this.reports.storedView(em, input.id, caller),
    );
    // A report returned to draft shows its live funds, asked now that the transaction has committed.
    return this.reports.withLiveFunds(saved, caller);
  }

  /**
   * Asked before the transaction (no lock is held while another service answers): A16, A17 the year's
   * committee meetings the table leaves out, from the registry; A27, A35 the funds section, from the funding
   * service, stored with the report as submitted. Only once the policy and the lifecycle let the caller
   * submit it as it stands (checked again in the transaction): a role that may not gets the lifecycle's
   * refusal, not another service's answer, and the other services are not asked for it.
   */
  private async askOtherServices(input: TransitionInput, caller: Caller, today: string) {
    const reports = this.entityManager.fork().getRepository(AnnualReport);
    const report = await reports.findVisible(input.id, caller);
    requireAccess(caller, 'report.transition', await reports.facts(report));
    const center = await this.entityManager.fork().findOneOrFail(DirectoryCenter, { id: report.centerId });
    const decision = reportLifecycle.decide(
      report.status,
      'submit',
      caller.role,
      lifecycleContext(input, report, center, today),
    );
    if (!decision.ok) throw RpcFailure.fromRefusal(decision);
    const meetings =
      report.statistics === null
        ? {}
        : await this.committeeMeetings.missingCounts(report.centerId, report.reportYear, report.statistics);
    return { meetings, funds: await this.funds.forSubmission(report) };
  }

  // A27: submitted, the year's deadline is met (a late report is still taken) and the next year's runs.
  private async submit(scope: CommandScope, report: AnnualReport, today: string): Promise<void> {
    const { em } = scope;
    report.submittedOn = today;
    const deadline = await this.yearDeadline(em, report);
    await this.deadlines.complete(em, deadline.id);
    await scheduleReportDeadline(em, this.deadlines, report.centerId, report.reportYear + 1);
    scope.record(ReportSubmitted, {
      subject: report.id,
      aggregateVersion: nextEventVersion(report),
      data: {
        reportId: report.id,
        centerId: report.centerId,
        reportYear: report.reportYear,
        submittedOn: today,
        dueOn: deadline.dueOn,
      },
    });
  }

  // A report on a year nobody scheduled (a center that entered before its year fell due) takes its row now.
  private async yearDeadline(em: EntityManager, report: AnnualReport) {
    if (report.deadlineId !== null) return this.deadlines.get(em, report.deadlineId);
    const deadline =
      (await findReportDeadline(em, report.centerId, report.reportYear)) ??
      (await this.deadlines.schedule(em, {
        kind: 'D-annual-report',
        subjectId: report.id,
        centerId: report.centerId,
        start: reportPeriodStart(report.reportYear),
      }));
    report.deadlineId = deadline.id;
    // complete() updates the row in place: it must be written first.
    await em.flush();
    return deadline;
  }
}

/** What the report lifecycle decides a step on: the center's standing, the year, the day, the comments. */
function lifecycleContext(
  input: TransitionInput,
  report: AnnualReport,
  center: DirectoryCenter,
  today: string,
): ReportContext {
  return {
    centerStatus: center.status,
    reportYear: report.reportYear,
    today,
    ...(input.comment === undefined ? {} : { comment: input.comment }),
  };
}

/** A27-statistics: a report goes to its reviewers with its statistics table, every field valid. */
function completeStatistics(report: AnnualReport): AnnualReportStatistics {
  if (report.statistics === null) {
    throw refuse(
      REPORT_REFUSALS.statistics_required,
      {},
      {
        rule: 'A27-statistics',
        errors: [{ path: 'statistics', message: 'required to submit' }],
      },
    );
  }
  const { errors } = checkAnnualReportStatistics(report.statistics);
  if (errors.length > 0) {
    throw refuse(
      REPORT_REFUSALS.statistics_invalid,
      { count: errors.length },
      {
        rule: 'A27-statistics',
        errors: errors.map((e) => ({ path: `statistics.${e.path}`, message: e.message.en })),
      },
    );
  }
  return report.statistics;
}
