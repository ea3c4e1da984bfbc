import type { LocalizedText } from '../findings';
import { isValidIsoDate, isWeekend, yearOf } from './iso-date';

/** One year of the State Council's holiday schedule (国务院办公厅关于部分节假日安排的通知). */
export interface YearSchedule {
  readonly year: number;
  /** Days off for the statutory holidays, including the weekend days folded into them. */
  readonly holidays: readonly string[];
  /** Weekend days made working days (调休上班). */
  readonly workdays: readonly string[];
}

export interface ScheduleProblem {
  readonly path: string;
  readonly message: LocalizedText;
}

const EARLIEST_YEAR = 2004;
const LATEST_YEAR = 2100;

/**
 * Checks a schedule an administrator loads: real dates inside its year (a New Year holiday may
 * begin in the last days of the year before), make-up days only on weekends, no day both.
 */
export function validateYearSchedule(schedule: YearSchedule): ScheduleProblem[] {
  const { year } = schedule;
  if (!Number.isInteger(year) || year < EARLIEST_YEAR || year > LATEST_YEAR) {
    return [
      problem(
        'year',
        `年份须为${EARLIEST_YEAR}至${LATEST_YEAR}之间的整数`,
        `year must be a whole number from ${EARLIEST_YEAR} to ${LATEST_YEAR}`,
      ),
    ];
  }
  const problems: ScheduleProblem[] = [];
  if (schedule.holidays.length === 0) {
    problems.push(problem('holidays', '放假日期不能为空', 'holidays must list the days off'));
  }
  // Must match how far back periods.ts keeps due dates provisional.
  const belongsToYear = (date: string) =>
    yearOf(date) === year || (yearOf(date) === year - 1 && date >= `${year - 1}-12-25`);

  schedule.holidays.forEach((date, i) => {
    if (!isValidIsoDate(date))
      problems.push(problem(`holidays.${i}`, '日期格式应为YYYY-MM-DD', 'must be a real date written as YYYY-MM-DD'));
    else if (!belongsToYear(date)) problems.push(problem(`holidays.${i}`, `日期不属于${year}年`, `is not in ${year}`));
  });
  const holidaySet = new Set(schedule.holidays);
  schedule.workdays.forEach((date, i) => {
    if (!isValidIsoDate(date))
      problems.push(problem(`workdays.${i}`, '日期格式应为YYYY-MM-DD', 'must be a real date written as YYYY-MM-DD'));
    else if (!belongsToYear(date)) problems.push(problem(`workdays.${i}`, `日期不属于${year}年`, `is not in ${year}`));
    else if (!isWeekend(date))
      problems.push(
        problem(`workdays.${i}`, '调休上班日应为周六或周日', 'a make-up working day falls on a Saturday or Sunday'),
      );
    else if (holidaySet.has(date))
      problems.push(
        problem(`workdays.${i}`, '同一天不能既放假又上班', 'a day cannot be both a holiday and a working day'),
      );
  });
  return problems;
}

function problem(path: string, zh: string, en: string): ScheduleProblem {
  return { path, message: { zh, en } };
}
