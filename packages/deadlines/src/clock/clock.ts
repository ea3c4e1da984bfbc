import { shanghaiDate } from './shanghai-time';

/**
 * The time the deadlines reason about, as a DI token: services get SystemClock, tests a
 * ManualClock, so that nothing waits for real days to pass.
 */
export abstract class Clock {
  /** The current instant. */
  abstract now(): Date;

  /** The current date in Asia/Shanghai, `YYYY-MM-DD`. */
  today(): string {
    return shanghaiDate(this.now());
  }
}
