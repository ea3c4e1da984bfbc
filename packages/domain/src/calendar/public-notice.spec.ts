import { addWorkingDays, computeDueDate, noticeEnd } from './periods';
import { noticeLength, type NoticeLengthSetting } from './public-notice';

describe('noticeEnd (A13(四), DOMAIN.md §7: the notice counts its first day)', () => {
  it.each<[string, NoticeLengthSetting, string, string]>([
    ['2026-03-02', { workingDays: 5 }, '2026-03-06', 'published Monday 2 March, it ends Friday 6 March'],
    ['2026-03-03', { workingDays: 5 }, '2026-03-09', 'published Tuesday, it ends the next Monday'],
    ['2026-03-07', { workingDays: 5 }, '2026-03-13', 'published on a Saturday, the first counted day is Monday'],
    ['2026-03-02', { workingDays: 1 }, '2026-03-02', 'a one-day notice ends the day it starts'],
    ['2026-09-30', { workingDays: 2 }, '2026-10-08', 'National Day is not counted, 30 Sep is'],
    ['2026-10-09', { workingDays: 2 }, '2026-10-10', 'the make-up Saturday after National Day counts'],
    ['2026-03-02', { calendarDays: 7 }, '2026-03-08', '7 calendar days: Monday to the Sunday it announced'],
    ['2026-09-28', { calendarDays: 7 }, '2026-10-04', 'calendar days run through a holiday and end on the date given'],
  ])('A13: %s, %j → %s (%s)', (start, setting, expected) => {
    expect(noticeEnd(start, noticeLength(setting))).toBe(expected);
  });

  it('A13: unlike a Civil Code period, whose start day is not counted (that reading ended on Monday 9 March)', () => {
    expect(addWorkingDays('2026-03-02', 5)).toBe('2026-03-09');
    expect(noticeEnd('2026-03-02', noticeLength({ workingDays: 5 }))).toBe('2026-03-06');
  });

  it('A13: the deadline row of a notice carries the reading, so its due date is the last notice day', () => {
    expect(computeDueDate('2026-03-02', noticeLength({ workingDays: 5 }))).toEqual({
      due: '2026-03-06',
      provisional: false,
    });
  });

  it('refuses a calendar-day notice in months or of no days', () => {
    expect(() => noticeEnd('2026-03-02', { months: 1, countsStartDay: true })).toThrow(RangeError);
    expect(() => noticeEnd('2026-03-02', { days: 0, countsStartDay: true })).toThrow(RangeError);
  });
});
