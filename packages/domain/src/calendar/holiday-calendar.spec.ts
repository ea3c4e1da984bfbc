import { LegalHoliday } from 'tyme4ts';

import { CalendarNotPublishedError } from './calendar-not-published-error';
import { bundledCalendar, HolidayCalendar } from './holiday-calendar';
import { addDays, isWeekend } from './iso-date';
import { isWorkingDay } from './periods';
import { validateYearSchedule } from './year-schedule';

describe('the bundled official calendar', () => {
  it.each([
    // 2026 Spring Festival: 15–23 February off; Saturdays 14 and 28 February worked (国办发明电〔2025〕7号).
    ['2026-02-13', true, 'the Friday before'],
    ['2026-02-14', true, 'make-up Saturday before the holiday'],
    ['2026-02-15', false, 'first day of the holiday'],
    ['2026-02-18', false, 'a Wednesday inside the holiday'],
    ['2026-02-23', false, 'last day of the holiday (a Monday)'],
    ['2026-02-24', true, 'first working day after'],
    ['2026-02-28', true, 'make-up Saturday after the holiday'],
    ['2026-03-01', false, 'an ordinary Sunday'],
    // 2026 National Day: 1–7 October off; Sunday 20 September and Saturday 10 October worked.
    ['2026-09-20', true, 'make-up Sunday before National Day'],
    ['2026-09-30', true, 'the day before'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day of the holiday'],
    ['2026-10-08', true, 'first working day after'],
    ['2026-10-10', true, 'make-up Saturday after National Day'],
    ['2026-10-11', false, 'the Sunday after'],
    // 2025 Spring Festival: 28 January–4 February off; Sunday 26 January and Saturday 8 February worked.
    ['2025-01-26', true, '2025 make-up Sunday'],
    ['2025-01-28', false, '2025 Spring Festival eve'],
    ['2025-02-04', false, 'last day of the 2025 holiday'],
    ['2025-02-08', true, '2025 make-up Saturday'],
    // 2025 National Day and Mid-Autumn: 1–8 October off; 28 September and 11 October worked.
    ['2025-09-28', true, '2025 make-up Sunday'],
    ['2025-10-08', false, 'the eighth day of the 2025 holiday'],
    ['2025-10-11', true, '2025 make-up Saturday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it('publishes every year from 2004 to 2026 and nothing later', () => {
    const years = bundledCalendar().publishedYears;
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(23);
  });

  // tyme4ts lacks two make-up working days of the 2013 notice (国办发明电〔2012〕58号): Sunday 7 April
  // after Qingming and Saturday 12 October after National Day. The bundled data has them.
  const TYME4TS_OMISSIONS = ['2013-04-07', '2013-10-12'];

  it('agrees with tyme4ts, an independent data set, on every day of 2010–2026', () => {
    const disagreements: string[] = [];
    for (let day = '2010-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      const legal = LegalHoliday.fromYmd(y, m, d);
      const expected = legal === null ? !isWeekend(day) : legal.isWork();
      if (isWorkingDay(day) !== expected) disagreements.push(day);
    }
    expect(disagreements).toEqual(TYME4TS_OMISSIONS);
    expect(TYME4TS_OMISSIONS.map((day) => isWorkingDay(day))).toEqual([true, true]);
  });

  it.each(['2027-01-04', '2027-10-01', '2003-06-02'])('refuses to guess %s, whose schedule is not loaded', (date) => {
    expect(() => isWorkingDay(date)).toThrow(CalendarNotPublishedError);
    try {
      isWorkingDay(date);
    } catch (error) {
      expect(error).toMatchObject({ name: 'CalendarNotPublishedError', date, year: Number(date.slice(0, 4)) });
    }
  });

  it('rejects a malformed date as a programmer error', () => {
    expect(() => isWorkingDay('2026-2-14')).toThrow(RangeError);
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});

// A made-up 2027 schedule (the real one is loaded by an administrator once the State Council publishes it).
const SAMPLE_2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-10-01', '2027-10-04'],
  workdays: ['2027-10-09'],
};

describe('a year loaded by an administrator', () => {
  const calendar = bundledCalendar().withYear(SAMPLE_2027);

  it('is used for its days, and the bundled calendar is left unchanged', () => {
    expect(calendar.isPublished(2027)).toBe(true);
    expect(isWorkingDay('2027-10-01', calendar)).toBe(false);
    expect(isWorkingDay('2027-10-04', calendar)).toBe(false);
    expect(isWorkingDay('2027-10-05', calendar)).toBe(true);
    expect(isWorkingDay('2027-10-09', calendar)).toBe(true);
    expect(bundledCalendar().isPublished(2027)).toBe(false);
  });

  it('replaces an earlier load of the same year', () => {
    const corrected = calendar.withYear({ ...SAMPLE_2027, holidays: ['2027-01-01'], workdays: [] });
    expect(isWorkingDay('2027-10-04', corrected)).toBe(true);
    expect(isWorkingDay('2027-10-09', corrected)).toBe(false);
  });

  it('must be a valid schedule', () => {
    expect(() => calendar.withYear({ year: 2028, holidays: [], workdays: [] })).toThrow(RangeError);
  });
});

describe('validateYearSchedule', () => {
  it('accepts a New Year holiday that begins in the last days of the previous year', () => {
    expect(
      validateYearSchedule({ year: 2023, holidays: ['2022-12-31', '2023-01-01', '2023-01-02'], workdays: [] }),
    ).toEqual([]);
  });

  it.each([
    [
      'a make-up working day on a weekday',
      { year: 2027, holidays: ['2027-10-01'], workdays: ['2027-10-06'] },
      'workdays.0',
    ],
    ['a day both off and worked', { year: 2027, holidays: ['2027-10-09'], workdays: ['2027-10-09'] }, 'workdays.0'],
    ['a day of another year', { year: 2027, holidays: ['2028-01-01'], workdays: [] }, 'holidays.0'],
    ['a malformed date', { year: 2027, holidays: ['2027-13-01'], workdays: [] }, 'holidays.0'],
    ['no holidays at all', { year: 2027, holidays: [], workdays: [] }, 'holidays'],
    ['a year out of range', { year: 1999, holidays: ['1999-10-01'], workdays: [] }, 'year'],
  ])('names the field of %s', (_case, schedule, path) => {
    expect(validateYearSchedule(schedule).map((p) => p.path)).toContain(path);
  });
});

describe('a provisional calendar', () => {
  it('counts an unpublished year Monday to Friday, and only there', () => {
    const provisional = HolidayCalendar.fromSchedules([]).asProvisional();
    expect(provisional.provisional).toBe(true);
    expect(provisional.isWorkingDay('2027-10-01')).toBe(true);
    expect(provisional.isWorkingDay('2027-10-02')).toBe(false);
    expect(bundledCalendar().asProvisional().isWorkingDay('2026-10-01')).toBe(false);
  });
});
