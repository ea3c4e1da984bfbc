import { normalizeReminderOffsets, reminderDates } from './reminder-dates';

describe('reminder dates (DOMAIN.md §5: e.g. 30, 7 and 1 days before)', () => {
  it('counts calendar days back from the due date', () => {
    expect(reminderDates('2026-03-31', [30, 7, 1], '2026-02-01')).toEqual([
      { daysBefore: 30, remindOn: '2026-03-01' },
      { daysBefore: 7, remindOn: '2026-03-24' },
      { daysBefore: 1, remindOn: '2026-03-30' },
    ]);
  });

  it('skips a reminder whose day has passed, and keeps one that falls today', () => {
    expect(reminderDates('2026-03-31', [30, 7, 1], '2026-03-24')).toEqual([
      { daysBefore: 7, remindOn: '2026-03-24' },
      { daysBefore: 1, remindOn: '2026-03-30' },
    ]);
    expect(reminderDates('2026-03-31', [30, 7, 1], '2026-04-01')).toEqual([]);
  });

  it('crosses months and years', () => {
    expect(reminderDates('2027-01-08', [30, 7], '2026-11-28')).toEqual([
      { daysBefore: 30, remindOn: '2026-12-09' },
      { daysBefore: 7, remindOn: '2027-01-01' },
    ]);
  });

  it('sends each offset once, largest first', () => {
    expect(normalizeReminderOffsets([1, 7, 1, 30])).toEqual([30, 7, 1]);
  });

  it.each([[0], [-1], [1.5]])('refuses an offset of %p days as a programmer error', (days) => {
    expect(() => reminderDates('2026-03-31', [days], '2026-03-01')).toThrow(RangeError);
  });
});
