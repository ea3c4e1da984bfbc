import fc from 'fast-check';

import { CalendarNotPublishedError } from './calendar-not-published-error';
import { DEADLINE_KINDS } from './deadline-kinds';
import { bundledCalendar } from './holiday-calendar';
import { addDays } from './iso-date';
import { addWorkingDays, annualReportDue, computeDueDate, isWorkingDay, periodEnd } from './periods';

describe('addWorkingDays (A15, A26: 30 working days)', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-14', 'the make-up Saturday before Spring Festival counts'],
    ['2026-02-14', 1, '2026-02-24', 'the nine days of Spring Festival do not'],
    ['2026-09-30', 1, '2026-10-08', 'National Day does not count'],
    ['2026-10-09', 1, '2026-10-10', 'the make-up Saturday after National Day counts'],
    ['2026-03-02', 5, '2026-03-09', 'a plain week: Monday + 5 = next Monday'],
    ['2026-01-05', 30, '2026-02-14', '30 working days from a Monday in January end on a make-up Saturday'],
    ['2026-09-01', 30, '2026-10-19', 'across Mid-Autumn (25 Sep) and National Day, with two make-up days'],
    ['2026-02-15', 1, '2026-02-24', 'a start inside the holiday is not counted either'],
  ])('%s + %i working days = %s (%s)', (start, n, expected) => {
    expect(addWorkingDays(start, n)).toBe(expected);
  });

  it('refuses a count below one', () => {
    expect(() => addWorkingDays('2026-03-02', 0)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });

  it('refuses to run into an unpublished year', () => {
    expect(() => addWorkingDays('2026-12-20', 30)).toThrow(CalendarNotPublishedError);
  });
});

describe('periodEnd (民法典第二百零一条至第二百零三条)', () => {
  it.each([
    ['2025-03-16', { years: 1 }, '2026-03-16', 'the corresponding day of the final year'],
    ['2024-02-29', { years: 1 }, '2025-02-28', 'no 29 February: the last day of the month'],
    ['2024-02-29', { years: 2 }, '2026-02-28', '28 Feb 2026 is a make-up Saturday, hence a working day'],
    ['2025-10-01', { years: 1 }, '2026-10-08', 'National Day rolls to the next working day'],
    ['2025-02-15', { years: 1 }, '2026-02-24', 'Spring Festival rolls past nine days'],
    ['2025-12-31', { months: 2 }, '2026-02-28', '31 December + 2 months: end of February (a make-up Saturday)'],
    ['2026-01-31', { months: 1 }, '2026-02-28', 'end of February, a make-up Saturday'],
    ['2026-01-01', { months: 2 }, '2026-03-02', '1 March 2026 is a Sunday: rolls to Monday'],
    ['2024-06-01', { years: 2 }, '2026-06-01', 'two years (A28)'],
    ['2026-05-01', { days: 7 }, '2026-05-08', 'seven calendar days, start not counted'],
  ])('%s + %j = %s (%s)', (start, length, expected, _why) => {
    expect(periodEnd(start, length)).toBe(expected);
  });

  it('refuses an empty or negative period', () => {
    expect(() => periodEnd('2026-03-02', {})).toThrow(RangeError);
    expect(() => periodEnd('2026-03-02', { years: -1 })).toThrow(RangeError);
  });
});

describe('annualReportDue (A27)', () => {
  it.each([
    [2025, '2026-03-31', '31 March 2026 is a Tuesday'],
    [2024, '2025-03-31', '31 March 2025 is a Monday'],
    [2019, '2020-03-31', '31 March 2020 is a Tuesday'],
    [2020, '2021-03-31', 'a Wednesday'],
    [2014, '2015-03-31', 'a Tuesday'],
    [2013, '2014-03-31', 'a Monday'],
    [2018, '2019-04-01', '31 March 2019 is a Sunday: rolls to Monday 1 April'],
  ])('the report on %i is due %s (%s)', (year, due) => {
    expect(annualReportDue(year)).toBe(due);
  });

  it('refuses the report on 2026 until the 2027 schedule is loaded', () => {
    expect(() => annualReportDue(2026)).toThrow(CalendarNotPublishedError);
    const with2027 = bundledCalendar().withYear({ year: 2027, holidays: ['2027-01-01'], workdays: [] });
    expect(annualReportDue(2026, with2027)).toBe('2027-03-31');
  });
});

describe('computeDueDate', () => {
  it('is final inside published years', () => {
    expect(computeDueDate('2026-09-01', { workingDays: 30 })).toEqual({ due: '2026-10-19', provisional: false });
  });

  it('is provisional, on weekdays, when the period reaches an unpublished year', () => {
    // 24 weekdays remain in 2026 after 28 November; six more in 2027 counted Monday to Friday.
    expect(computeDueDate('2026-11-28', { workingDays: 30 })).toEqual({ due: '2027-01-08', provisional: true });
  });

  it('stays provisional in the last days of the last loaded year, which the next notice may move (2019’s did)', () => {
    expect(computeDueDate('2025-12-27', { years: 1 })).toEqual({ due: '2026-12-28', provisional: true });
    expect(computeDueDate('2025-12-24', { years: 1 })).toEqual({ due: '2026-12-24', provisional: false });
  });

  it('becomes final once the year is loaded', () => {
    const with2027 = bundledCalendar().withYear({
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      workdays: [],
    });
    expect(computeDueDate('2026-11-28', { workingDays: 30 }, with2027)).toEqual({
      due: '2027-01-11',
      provisional: false,
    });
  });
});

// Property tests over the published range: any start from 2004 to the end of October 2026.
const FIRST_DAY = '2004-01-01';
const LAST_START_OFFSET = 8339; // 2026-10-31
const startDate = fc.integer({ min: 0, max: LAST_START_OFFSET }).map((offset) => addDays(FIRST_DAY, offset));
// Starts that leave room for a gap of 60 days and 30 working days before the end of 2026.
const earlierStartDate = fc
  .integer({ min: 0, max: LAST_START_OFFSET - 60 })
  .map((offset) => addDays(FIRST_DAY, offset));

describe('period arithmetic properties', () => {
  it('addWorkingDays lands on a working day after the start, with exactly n working days in between', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(end > start).toBe(true);
        expect(isWorkingDay(end)).toBe(true);
        let counted = 0;
        for (let day = addDays(start, 1); day <= end; day = addDays(day, 1)) if (isWorkingDay(day)) counted++;
        expect(counted).toBe(n);
      }),
    );
  });

  it('a later start never gives an earlier end', () => {
    fc.assert(
      fc.property(
        earlierStartDate,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 30 }),
        (start, gap, n) => {
          expect(addWorkingDays(addDays(start, gap), n) >= addWorkingDays(start, n)).toBe(true);
        },
      ),
    );
  });

  it('more working days never give an earlier end', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 1, max: 29 }), (start, n) => {
        expect(addWorkingDays(start, n + 1) > addWorkingDays(start, n)).toBe(true);
      }),
    );
  });

  it('periodEnd in months is a working day on or after the corresponding day, and monotone in the start', () => {
    const startBefore2026 = fc.integer({ min: 0, max: 7900 }).map((offset) => addDays(FIRST_DAY, offset));
    fc.assert(
      fc.property(
        startBefore2026,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (start, gap, months) => {
          const end = periodEnd(start, { months });
          expect(isWorkingDay(end)).toBe(true);
          expect(end > start).toBe(true);
          expect(periodEnd(addDays(start, gap), { months }) >= end).toBe(true);
        },
      ),
    );
  });

  it('periodEnd either answers with a working day or refuses with CalendarNotPublishedError', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 1, max: 2 }), (start, years) => {
        try {
          expect(isWorkingDay(periodEnd(start, { years }))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(CalendarNotPublishedError);
        }
      }),
    );
  });
});

describe('a period whose last day is given (D-revocation-answer)', () => {
  it('ends on the given day, rest day or not, and never provisionally', () => {
    // Sunday 3 January 2027: no schedule for 2027 is bundled, and the day given is still the day.
    expect(computeDueDate('2026-12-01', { endsOn: '2027-01-03' })).toEqual({ due: '2027-01-03', provisional: false });
    expect(computeDueDate('2026-12-01', { endsOn: '2026-12-01' })).toEqual({ due: '2026-12-01', provisional: false });
    expect(DEADLINE_KINDS['D-revocation-answer']).toMatchObject({ length: 'given', article: '第三十一条' });
  });

  it('cannot end before it starts', () => {
    expect(() => computeDueDate('2026-12-01', { endsOn: '2026-11-30' })).toThrow(RangeError);
  });
});
