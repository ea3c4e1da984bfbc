import { raw, type EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';

import {
  assertIsoDate,
  computeDueDate,
  DEADLINE_KINDS,
  type DeadlineKind,
  type PeriodLength,
  type YearSchedule,
} from '@tic/domain';

import { CalendarService } from './calendar/calendar.service';
import { CalendarYearApplier, type CalendarYearApplied } from './calendar/calendar-year-applier';
import { Clock } from './clock/clock';
import { readDueDate } from './clock/due-date-source';
import { Deadline, type DeadlineState } from './entities/deadline.entity';
import { DeadlineReminder } from './entities/deadline-reminder.entity';
import { DeadlineFiring, type FireHandler } from './firing/deadline-firing';
import { DeadlineSweep, type SweepResult } from './firing/deadline-sweep';
import { normalizeReminderOffsets, reminderDates } from './firing/reminder-dates';
import { DeadlineJobsSubscriber } from './jobs/deadline-jobs.subscriber';

export interface ScheduleDeadline {
  readonly kind: DeadlineKind;
  readonly subjectId: string;
  readonly centerId?: string;
  /** The day the period starts (not counted), `YYYY-MM-DD`. */
  readonly start: string;
  /**
   * Defaults to the kind's length (DEADLINE_KINDS); D-public-notice's is a setting; a kind whose last day
   * is given (D-revocation-answer) needs `{ endsOn }`.
   */
  readonly length?: PeriodLength;
  /** Defaults to the kind's reminders. */
  readonly reminderDaysBefore?: readonly number[];
}

/** What a service does with its deadlines (DOMAIN.md §5); every change joins the caller's transaction. */
@Injectable()
export class Deadlines {
  constructor(
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
    private readonly firing: DeadlineFiring,
    private readonly sweeper: DeadlineSweep,
    private readonly applier: CalendarYearApplier,
    private readonly afterCommit: DeadlineJobsSubscriber,
  ) {}

  /**
   * Persists a deadline and its reminders in `em`; they commit with the caller's own change, and
   * their jobs are derived after that commit. The due date comes from @tic/domain only.
   */
  async schedule(em: EntityManager, input: ScheduleDeadline): Promise<Deadline> {
    assertIsoDate(input.start, 'start');
    const definition = DEADLINE_KINDS[input.kind];
    const length = input.length ?? definition.length;
    if (length === 'given') throw new Error(`${input.kind}: its last day is given, as length { endsOn }`);
    const offsets = normalizeReminderOffsets(input.reminderDaysBefore ?? definition.reminderDaysBefore);
    const { due, provisional } = computeDueDate(input.start, length, await this.calendars.load(em));
    const deadline = em.create(Deadline, {
      id: uuidv7(),
      kind: input.kind,
      subjectId: input.subjectId,
      centerId: input.centerId ?? null,
      startOn: input.start,
      length,
      dueOn: due,
      provisional,
      reminderDaysBefore: offsets,
      createdAt: this.clock.now(),
    });
    em.persist(deadline);
    // A reminder whose day has passed is not sent late: "passed" on the date that decides what is due.
    const today = await readDueDate(em, this.clock.dueDateSource());
    for (const { daysBefore, remindOn } of reminderDates(due, offsets, today)) {
      em.persist(em.create(DeadlineReminder, { deadlineId: deadline.id, daysBefore, remindOn }));
    }
    return deadline;
  }

  /** The deadline with this id (say a notice's period, to show when it ends); it must exist. */
  get(em: EntityManager, id: string): Promise<Deadline> {
    return em.findOneOrFail(Deadline, { id });
  }

  /** The pending deadlines about one aggregate (e.g. to complete the filing an appointment waits for). */
  findPending(em: EntityManager, subjectId: string, kind?: DeadlineKind): Promise<Deadline[]> {
    return em.find(
      Deadline,
      kind === undefined ? { subjectId, state: 'pending' } : { subjectId, kind, state: 'pending' },
      { orderBy: { dueOn: 'asc' } },
    );
  }

  /**
   * The owner did what the deadline waited for; false unless it was pending. Call it inside the
   * caller's transaction: it updates at once, and commits with the caller's change.
   */
  complete(em: EntityManager, id: string): Promise<boolean> {
    return this.close(em, id, 'completed');
  }

  /** The deadline no longer applies (e.g. the application was withdrawn); false unless it was pending. Like complete(). */
  cancel(em: EntityManager, id: string): Promise<boolean> {
    return this.close(em, id, 'cancelled');
  }

  /** Registers the owner's reaction to a deadline of this kind passing, run in the firing transaction. */
  onFire(kind: DeadlineKind, handler: FireHandler): void {
    this.firing.onFire(kind, handler);
  }

  /** Fires the deadline if its due date has passed and it is pending; true when this call fired it. */
  fire(id: string): Promise<boolean> {
    return this.firing.fire(id);
  }

  /** Sends a due reminder of a pending deadline; true when this call sent it. */
  remind(id: string, daysBefore: number): Promise<boolean> {
    return this.firing.remind(id, daysBefore);
  }

  /** Fires whatever is due and sends whatever reminder is due, from Postgres alone. */
  sweep(): Promise<SweepResult> {
    return this.sweeper.sweep();
  }

  /** Loads a year's holiday schedule and recomputes the deadlines it affects, in `em`'s transaction. */
  applyCalendarYear(em: EntityManager, schedule: YearSchedule): Promise<CalendarYearApplied> {
    return this.applier.apply(em, schedule);
  }

  // A conditional update, like firing: completing and firing race, and exactly one of them wins.
  private async close(
    em: EntityManager,
    id: string,
    state: Extract<DeadlineState, 'completed' | 'cancelled'>,
  ): Promise<boolean> {
    const now = this.clock.now();
    const stamp = state === 'completed' ? { completedAt: now } : { cancelledAt: now };
    const closed = await em.nativeUpdate(
      Deadline,
      { id, state: 'pending' },
      { state, ...stamp, version: raw('version + 1') },
    );
    if (closed === 0) return false;
    this.afterCommit.track(em, [id]);
    return true;
  }
}
