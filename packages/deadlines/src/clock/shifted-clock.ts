import { Clock } from './clock';
import type { DueDateSource } from './due-date-source';

const MS_PER_DAY = 86_400_000;

/**
 * The machine's clock moved by whole days, for end-to-end tests that run a service as a process and
 * need its deadlines to fall due without waiting; never configured in production. Due decisions
 * take the database's date moved by the same days.
 */
export class ShiftedClock extends Clock {
  constructor(private readonly days: number) {
    super();
    if (!Number.isInteger(days)) throw new RangeError(`a clock is shifted by whole days, got ${days}`);
  }

  now(): Date {
    return new Date(Date.now() + this.days * MS_PER_DAY);
  }

  override dueDateSource(): DueDateSource {
    return { kind: 'database', offsetDays: this.days };
  }
}
