import fc from 'fast-check';

import { addDays } from '@tic/domain';

import { ManualClock } from './manual-clock';
import { fallsDueAt, shanghaiDate, startOfShanghaiDay } from './shanghai-time';

describe('the instant a deadline falls due (民法典第二百零三条: the period ends at 24:00 of its last day)', () => {
  it.each([
    ['2026-03-31', '2026-03-31T16:00:00.000Z', 'a last day in March: due at 00:00 on 1 April in Beijing'],
    ['2026-12-31', '2026-12-31T16:00:00.000Z', 'the last day of the year: due at 00:00 on New Year’s Day'],
    ['2028-02-28', '2028-02-28T16:00:00.000Z', 'before a 29 February'],
    ['2026-06-15', '2026-06-15T16:00:00.000Z', 'in summer: Asia/Shanghai has no daylight saving'],
  ])('due %s passes at %s (%s)', (dueOn, instant) => {
    expect(fallsDueAt(dueOn).toISOString()).toBe(instant);
  });

  it('is the first instant of the day after in Beijing, for any due date', () => {
    const dueDate = fc.integer({ min: 0, max: 40_000 }).map((offset) => addDays('2004-01-01', offset));
    fc.assert(
      fc.property(dueDate, (dueOn) => {
        const at = fallsDueAt(dueOn);
        expect(shanghaiDate(at)).toBe(addDays(dueOn, 1));
        expect(shanghaiDate(new Date(at.getTime() - 1))).toBe(dueOn);
      }),
    );
  });
});

describe('today in Asia/Shanghai', () => {
  it.each([
    ['2026-03-31T15:59:59.999Z', '2026-03-31', 'one millisecond before midnight in Beijing'],
    ['2026-03-31T16:00:00.000Z', '2026-04-01', 'midnight in Beijing is still 31 March in UTC'],
    ['2026-12-31T16:30:00.000Z', '2027-01-01', 'New Year in Beijing while London is still in 2026'],
  ])('%s is %s (%s)', (instant, date) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
    expect(new ManualClock(new Date(instant)).today()).toBe(date);
  });

  it('starts a day at 16:00 UTC the day before', () => {
    expect(startOfShanghaiDay('2026-10-01').toISOString()).toBe('2026-09-30T16:00:00.000Z');
  });

  it('is what a manual clock set to a date says, until it is moved', () => {
    const clock = new ManualClock('2026-11-28');
    expect(clock.today()).toBe('2026-11-28');
    clock.set('2027-01-09');
    expect(clock.today()).toBe('2027-01-09');
    expect(() => {
      clock.set('2026-02-30');
    }).toThrow(RangeError);
  });
});
