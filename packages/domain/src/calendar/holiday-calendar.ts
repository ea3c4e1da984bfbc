import bundledData from 'chinese-days/dist/chinese-days.json';

import { CalendarNotPublishedError } from './calendar-not-published-error';
import { isWeekend, yearOf } from './iso-date';
import { validateYearSchedule, type YearSchedule } from './year-schedule';

/**
 * The official working-day calendar as a value: the published years bundled with the platform plus
 * any year an administrator loads. Immutable; `withYear` returns a new calendar.
 */
export class HolidayCalendar {
  private readonly restDays = new Set<string>();
  private readonly makeUpWorkdays = new Set<string>();

  private constructor(
    private readonly schedules: ReadonlyMap<number, YearSchedule>,
    /** Only for provisional deadlines: unpublished years count Monday to Friday as working days. */
    readonly provisional: boolean,
  ) {
    for (const schedule of [...schedules.values()].sort((a, b) => a.year - b.year)) {
      for (const day of schedule.holidays) {
        this.restDays.add(day);
        this.makeUpWorkdays.delete(day);
      }
      for (const day of schedule.workdays) {
        this.makeUpWorkdays.add(day);
        this.restDays.delete(day);
      }
    }
  }

  /** A calendar of exactly these years; each schedule must pass `validateYearSchedule`. */
  static fromSchedules(schedules: Iterable<YearSchedule>): HolidayCalendar {
    const byYear = new Map<number, YearSchedule>();
    for (const schedule of schedules) {
      assertValid(schedule);
      byYear.set(schedule.year, schedule);
    }
    return new HolidayCalendar(byYear, false);
  }

  /** The same calendar with one year added, or replaced by a corrected schedule. */
  withYear(schedule: YearSchedule): HolidayCalendar {
    assertValid(schedule);
    return new HolidayCalendar(new Map(this.schedules).set(schedule.year, schedule), this.provisional);
  }

  /**
   * The same calendar, except that a year with no published schedule is taken as Monday–Friday.
   * Dates computed with it must be kept and shown as provisional.
   */
  asProvisional(): HolidayCalendar {
    return new HolidayCalendar(this.schedules, true);
  }

  /** The years whose schedules this calendar holds, ascending. */
  get publishedYears(): readonly number[] {
    return [...this.schedules.keys()].sort((a, b) => a - b);
  }

  /** Whether the schedule of the year is loaded. */
  isPublished(year: number): boolean {
    return this.schedules.has(year);
  }

  /** The loaded schedule of a year, if any. */
  schedule(year: number): YearSchedule | undefined {
    return this.schedules.get(year);
  }

  /** Whether the date is a working day; throws CalendarNotPublishedError for an unloaded year. */
  isWorkingDay(date: string): boolean {
    const year = yearOf(date);
    if (!this.schedules.has(year) && !this.provisional) {
      throw new CalendarNotPublishedError(date, year, this.publishedYears);
    }
    if (this.makeUpWorkdays.has(date)) return true;
    if (this.restDays.has(date)) return false;
    return !isWeekend(date);
  }
}

function assertValid(schedule: YearSchedule): void {
  const problems = validateYearSchedule(schedule);
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.path}: ${p.message.en}`).join('; ');
    throw new RangeError(`invalid holiday schedule for ${schedule.year}: ${list}`);
  }
}

let bundled: HolidayCalendar | undefined;

/** The calendar of the schedules published when this package was built (2004–2026, from chinese-days). */
export function bundledCalendar(): HolidayCalendar {
  bundled ??= HolidayCalendar.fromSchedules(schedulesFromChineseDays(bundledData));
  return bundled;
}

function schedulesFromChineseDays(data: {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}): YearSchedule[] {
  const years = new Map<number, { holidays: string[]; workdays: string[] }>();
  const entry = (date: string) => {
    const year = yearOf(date);
    let found = years.get(year);
    if (!found) years.set(year, (found = { holidays: [], workdays: [] }));
    return found;
  };
  for (const date of Object.keys(data.holidays)) entry(date).holidays.push(date);
  for (const date of Object.keys(data.workdays)) entry(date).workdays.push(date);
  return [...years].map(([year, days]) => ({
    year,
    holidays: days.holidays.sort(),
    workdays: days.workdays.sort(),
  }));
}
