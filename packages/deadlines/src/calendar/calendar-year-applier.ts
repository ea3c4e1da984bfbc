import { LockMode, type EntityManager } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';

import { addDays, computeDueDate, type HolidayCalendar, type YearSchedule } from '@tic/domain';

import { Clock } from '../clock/clock';
import { readDueDate } from '../clock/due-date-source';
import { Deadline } from '../entities/deadline.entity';
import { DeadlineReminder } from '../entities/deadline-reminder.entity';
import { CalendarService } from './calendar.service';

/** A pending deadline whose due date a newly loaded year changed. */
export interface MovedDeadline {
  readonly deadlineId: string;
  readonly kind: Deadline['kind'];
  readonly from: string;
  readonly to: string;
  readonly provisional: boolean;
}

export interface CalendarYearApplied {
  /** False when exactly this schedule was stored already (a redelivery or a repeat). */
  readonly changed: boolean;
  readonly recomputed: number;
  readonly moved: readonly MovedDeadline[];
}

/**
 * Loads a year's holiday schedule and recomputes the pending deadlines that depend on it: every
 * provisional one, and every one whose period reaches into that year (a corrected schedule moves
 * those too). The new jobs are derived after the transaction commits.
 */
@Injectable()
export class CalendarYearApplier {
  private readonly logger = new Logger(CalendarYearApplier.name);

  constructor(
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  async apply(em: EntityManager, schedule: YearSchedule): Promise<CalendarYearApplied> {
    if (!(await this.calendars.store(em, schedule))) return { changed: false, recomputed: 0, moved: [] };
    const calendar = await this.calendars.load(em);
    const { year } = schedule;
    // validateYearSchedule lets a New Year holiday start on 25 December of the year before.
    const deadlines = await em.find(
      Deadline,
      {
        state: 'pending',
        $or: [{ provisional: true }, { startOn: { $lte: `${year}-12-31` }, dueOn: { $gte: `${year - 1}-12-25` } }],
      },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    );
    const moved: MovedDeadline[] = [];
    let recomputed = 0;
    const today = await readDueDate(em, this.clock.dueDateSource());
    for (const deadline of deadlines) {
      const from = deadline.dueOn;
      if (!(await this.recompute(em, deadline, calendar, today))) continue;
      recomputed += 1;
      if (deadline.dueOn !== from) {
        moved.push({
          deadlineId: deadline.id,
          kind: deadline.kind,
          from,
          to: deadline.dueOn,
          provisional: deadline.provisional,
        });
        this.logger.log(
          `deadline ${deadline.id} (${deadline.kind}) moved from ${from} to ${deadline.dueOn} with the ${year} schedule`,
        );
      }
    }
    await em.flush();
    this.logger.log(
      `holiday schedule ${year} loaded: ${deadlines.length} deadline(s) checked, ${recomputed} recomputed, ${moved.length} moved`,
    );
    return { changed: true, recomputed, moved };
  }

  private async recompute(
    em: EntityManager,
    deadline: Deadline,
    calendar: HolidayCalendar,
    today: string,
  ): Promise<boolean> {
    const next = computeDueDate(deadline.startOn, deadline.length, calendar);
    if (next.due === deadline.dueOn && next.provisional === deadline.provisional) return false;
    Object.assign(deadline, { dueOn: next.due, provisional: next.provisional, version: deadline.version + 1 });
    const reminders = await em.find(DeadlineReminder, { deadlineId: deadline.id });
    for (const daysBefore of deadline.reminderDaysBefore) {
      const remindOn = addDays(next.due, -daysBefore);
      const reminder = reminders.find((r) => r.daysBefore === daysBefore);
      if (reminder?.sentAt) continue; // what was sent stays on record
      // As when scheduling: a reminder whose day has passed is not sent late.
      if (remindOn < today) {
        if (reminder) em.remove(reminder);
      } else if (reminder) reminder.remindOn = remindOn;
      else em.persist(em.create(DeadlineReminder, { deadlineId: deadline.id, daysBefore, remindOn }));
    }
    return true;
  }
}
