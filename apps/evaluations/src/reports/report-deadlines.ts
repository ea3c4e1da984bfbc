import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ReportOverdue } from '@tic/contracts';
import { isCenterClosed } from '@tic/domain';
import { Deadline, Deadlines } from '@tic/deadlines';
import { DirectoryCenter, EventOutbox, newId, nextEventVersion } from '@tic/platform';

import { AnnualReport } from './annual-report.entity';

/** D-annual-report runs from 31 December of the report year (deadline-kinds.ts), so its row is found by that day. */
export const reportPeriodStart = (reportYear: number) => `${reportYear}-12-31`;

/** The D-annual-report row of a center's report year, if one was scheduled. */
export function findReportDeadline(em: EntityManager, centerId: string, reportYear: number): Promise<Deadline | null> {
  return em.findOne(Deadline, { kind: 'D-annual-report', centerId, startOn: reportPeriodStart(reportYear) });
}

/**
 * A27, D-annual-report: schedules the report of a center's year, once (a second call finds the row). The
 * deadline's subject is the id the report will take when the construction unit drafts it, so that the
 * overdue event and the report's own events are one aggregate.
 */
export async function scheduleReportDeadline(
  em: EntityManager,
  deadlines: Deadlines,
  centerId: string,
  reportYear: number,
): Promise<Deadline> {
  const existing = await findReportDeadline(em, centerId, reportYear);
  if (existing !== null) return existing;
  return deadlines.schedule(em, {
    kind: 'D-annual-report',
    subjectId: newId(),
    centerId,
    start: reportPeriodStart(reportYear),
  });
}

/**
 * The first year a center entering the registry reports on: the year it was established, or, for a center
 * that enters after that year's report fell due, the first year still to come (it cannot have refused a
 * report that nobody asked of it, A31(三)).
 */
export function firstReportYear(establishedOn: string, today: string): number {
  let year = Number(establishedOn.slice(0, 4));
  while (`${year + 1}-03-31` < today) year += 1;
  return year;
}

/**
 * A27, A31(三): a report not submitted by its due date is told as tic.report.overdue (the applications
 * service proposes revocation ground (3) to DST, who decides whether there was good reason), once; the
 * next year's report is scheduled all the same.
 */
@Injectable()
export class ReportDeadlines implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    private readonly outbox: EventOutbox,
  ) {}

  onModuleInit(): void {
    this.deadlines.onFire('D-annual-report', (em, deadline) => this.overdue(em, deadline));
  }

  private async overdue(em: EntityManager, deadline: Deadline): Promise<void> {
    if (deadline.centerId === null) return;
    const center = await em.findOne(DirectoryCenter, { id: deadline.centerId });
    // A closed center reports no more: its last period passing is nobody's refusal.
    if (center === null || isCenterClosed(center.status)) return;
    const reportYear = Number(deadline.startOn.slice(0, 4));
    const report = await em.findOne(AnnualReport, { id: deadline.subjectId });
    this.outbox.record(em, ReportOverdue, {
      subject: deadline.subjectId,
      // A report not drafted yet takes version 2 for its first own event (see ReportsService.create).
      aggregateVersion: report === null ? 1 : nextEventVersion(report),
      data: { centerId: center.id, reportYear, dueOn: deadline.dueOn },
    });
    await scheduleReportDeadline(em, this.deadlines, center.id, reportYear + 1);
  }
}
