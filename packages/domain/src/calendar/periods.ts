import { CalendarNotPublishedError } from './calendar-not-published-error';
import { bundledCalendar, type HolidayCalendar } from './holiday-calendar';
import { addDays, addMonthsClamped, assertIsoDate } from './iso-date';

/** A period counted in calendar units (民法典第二百条至第二百零三条). */
export interface CalendarPeriod {
  readonly years?: number;
  readonly months?: number;
  readonly days?: number;
  /** A public notice counts its first day and ends on the day it announces (see noticeEnd). */
  readonly countsStartDay?: boolean;
}

/** A period of official working days (e.g. A15's and A26's 30 working days). */
export interface WorkingDayPeriod {
  readonly workingDays: number;
  /** A public notice counts its first day when it is a working day (see noticeEnd). */
  readonly countsStartDay?: boolean;
}

/**
 * A period whose last day is given rather than counted (e.g. the day DST sets for the units' answer to a
 * revocation case, A31): it ends on that day, rest day or not, as that is the date the units were told.
 */
export interface GivenEndPeriod {
  readonly endsOn: string;
}

export type PeriodLength = CalendarPeriod | WorkingDayPeriod | GivenEndPeriod;

/** The last day of a period given by its end; it cannot end before it starts. */
export function givenEnd(start: string, length: GivenEndPeriod): string {
  assertIsoDate(start, 'start');
  assertIsoDate(length.endsOn, 'endsOn');
  if (length.endsOn < start) throw new RangeError(`a period cannot end (${length.endsOn}) before it starts (${start})`);
  return length.endsOn;
}

/** Whether the date is a working day under the official schedule (调休 included). */
export function isWorkingDay(date: string, calendar: HolidayCalendar = bundledCalendar()): boolean {
  assertIsoDate(date);
  return calendar.isWorkingDay(date);
}

/** The date itself when it is a working day, else the next working day (民法典第二百零三条). */
export function nextWorkingDayFrom(date: string, calendar: HolidayCalendar = bundledCalendar()): string {
  assertIsoDate(date);
  let day = date;
  while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The n-th working day after `start`; the start day itself is never counted. */
export function addWorkingDays(start: string, n: number, calendar: HolidayCalendar = bundledCalendar()): string {
  assertIsoDate(start, 'start');
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number of at least 1, got ${n}`);
  let day = start;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day)) counted += 1;
  }
  return day;
}

/**
 * The last day of a period in years, months or days from `start`: the start day is not counted, a
 * period in years or months ends on the corresponding day (the month's last day where there is
 * none), and a last day that is a rest day moves to the next working day.
 */
export function periodEnd(
  start: string,
  length: CalendarPeriod,
  calendar: HolidayCalendar = bundledCalendar(),
): string {
  assertIsoDate(start, 'start');
  const { years = 0, months = 0, days = 0 } = length;
  for (const [name, value] of Object.entries({ years, months, days })) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
  if (years + months + days === 0) throw new RangeError('a period needs a length of years, months or days');
  const lastDay = addDays(addMonthsClamped(start, years * 12 + months), days);
  return nextWorkingDayFrom(lastDay, calendar);
}

/**
 * The last day of a public notice (DOMAIN.md §7): unlike a Civil Code period it counts its first day, as
 * a notice states its dates ("公示时间：3月2日至3月6日"). In working days the first day counts when it is
 * one (Mon 2 March + 5 → Fri 6 March); in calendar days the notice ends on the day it announced, rest day
 * or not, since that is the date the public was given (Mon 2 March + 7 → Sun 8 March).
 */
export function noticeEnd(start: string, length: PeriodLength, calendar: HolidayCalendar = bundledCalendar()): string {
  assertIsoDate(start, 'start');
  if ('endsOn' in length) return givenEnd(start, length);
  if ('workingDays' in length) return addWorkingDays(addDays(start, -1), length.workingDays, calendar);
  const { years = 0, months = 0, days = 0 } = length;
  if (years !== 0 || months !== 0 || !Number.isInteger(days) || days < 1) {
    throw new RangeError(`a notice in calendar days needs a whole number of days ≥ 1, got ${JSON.stringify(length)}`);
  }
  return addDays(start, days - 1);
}

/** The due date of a period of either kind. */
export function dueDate(start: string, length: PeriodLength, calendar: HolidayCalendar = bundledCalendar()): string {
  if ('endsOn' in length) return givenEnd(start, length);
  if (length.countsStartDay === true) return noticeEnd(start, length, calendar);
  return 'workingDays' in length
    ? addWorkingDays(start, length.workingDays, calendar)
    : periodEnd(start, length, calendar);
}

/** A due date, and whether it rests on a year whose schedule is not yet published. */
export interface ComputedDueDate {
  readonly due: string;
  readonly provisional: boolean;
}

/**
 * The due date where the calendar allows it; otherwise a provisional one counted on weekdays for the
 * unpublished years, which must be shown as provisional and recomputed once the year is loaded.
 */
export function computeDueDate(
  start: string,
  length: PeriodLength,
  calendar: HolidayCalendar = bundledCalendar(),
): ComputedDueDate {
  // A given day does not depend on any year's schedule.
  if ('endsOn' in length) return { due: givenEnd(start, length), provisional: false };
  try {
    const due = dueDate(start, length, calendar);
    return { due, provisional: mayMoveWithNextSchedule(due, calendar) };
  } catch (error) {
    if (!(error instanceof CalendarNotPublishedError)) throw error;
    return { due: dueDate(start, length, calendar.asProvisional()), provisional: true };
  }
}

// A year's notice can move the last days of the year before (2019's made 31 December 2018 a
// holiday), so a due date in late December stays provisional until the next year is loaded.
const NEXT_SCHEDULE_REACHES_BACK_TO = '12-25';

function mayMoveWithNextSchedule(due: string, calendar: HolidayCalendar): boolean {
  const year = Number(due.slice(0, 4));
  return due.slice(5) >= NEXT_SCHEDULE_REACHES_BACK_TO && !calendar.isPublished(year + 1);
}

/** A27: the report on `reportYear` is due on 31 March of the next year, or the next working day. */
export function annualReportDue(reportYear: number, calendar: HolidayCalendar = bundledCalendar()): string {
  if (!Number.isInteger(reportYear)) throw new RangeError(`reportYear must be a whole year, got ${reportYear}`);
  return nextWorkingDayFrom(`${reportYear + 1}-03-31`, calendar);
}
