import { addDays, assertIsoDate } from '@tic/domain';

export interface ReminderDate {
  readonly daysBefore: number;
  readonly remindOn: string;
}

/** Reminder offsets as whole calendar days of at least one, without repeats, largest first. */
export function normalizeReminderOffsets(daysBefore: readonly number[]): number[] {
  for (const days of daysBefore) {
    if (!Number.isInteger(days) || days < 1)
      throw new RangeError(`a reminder is a whole number of days ≥ 1 before, got ${days}`);
  }
  return [...new Set(daysBefore)].sort((a, b) => b - a);
}

/**
 * The day each reminder goes out: `daysBefore` calendar days before the due date. A reminder whose
 * day has already passed is not sent late; one that falls today still goes out.
 */
export function reminderDates(dueOn: string, daysBefore: readonly number[], today: string): ReminderDate[] {
  assertIsoDate(dueOn, 'dueOn');
  assertIsoDate(today, 'today');
  return normalizeReminderOffsets(daysBefore)
    .map((days) => ({ daysBefore: days, remindOn: addDays(dueOn, -days) }))
    .filter((reminder) => reminder.remindOn >= today);
}
