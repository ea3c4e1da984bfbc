import { Clock } from './clock';
import type { DueDateSource } from './due-date-source';
import { startOfShanghaiDay } from './shanghai-time';

const NOON_MS = 12 * 3_600_000;

/** A clock that moves only when told to, for tests of deadlines (never sleep waiting for a date). */
export class ManualClock extends Clock {
  private instant: Date;

  constructor(start: Date | string = new Date()) {
    super();
    this.instant = ManualClock.toInstant(start);
  }

  now(): Date {
    return new Date(this.instant.getTime());
  }

  // A test decides what day it is, for the database's decisions as well.
  override dueDateSource(): DueDateSource {
    return { kind: 'fixed', date: this.today() };
  }

  /** Sets the clock to an instant, or to noon Asia/Shanghai of a `YYYY-MM-DD` date. */
  set(to: Date | string): void {
    this.instant = ManualClock.toInstant(to);
  }

  private static toInstant(value: Date | string): Date {
    if (value instanceof Date) return new Date(value.getTime());
    return new Date(startOfShanghaiDay(value).getTime() + NOON_MS);
  }
}
