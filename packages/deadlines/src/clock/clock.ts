import { DATABASE_DATE, type DueDateSource } from './due-date-source';
import { shanghaiDate } from './shanghai-time';

/**
 * The time the deadlines reason about, as a DI token: services get SystemClock, tests a
 * ManualClock, so that nothing waits for real days to pass.
 */
export abstract class Clock {
  /** The current instant: timestamps, and when a job should wake the service up. */
  abstract now(): Date;

  /** The current date in Asia/Shanghai on this clock, `YYYY-MM-DD`. */
  today(): string {
    return shanghaiDate(this.now());
  }

  /**
   * The date that decides whether a deadline or reminder is due. By default the database's date in
   * Asia/Shanghai, not this replica's clock; only test clocks override it.
   */
  dueDateSource(): DueDateSource {
    return DATABASE_DATE;
  }
}
