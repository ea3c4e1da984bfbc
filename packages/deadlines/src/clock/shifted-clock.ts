import { Clock } from './clock';

const MS_PER_DAY = 86_400_000;

/**
 * The machine's clock moved by whole days, for end-to-end tests that run a service as a process and
 * need its deadlines to fall due without waiting; never configured in production.
 */
export class ShiftedClock extends Clock {
  constructor(private readonly days: number) {
    super();
  }

  now(): Date {
    return new Date(Date.now() + this.days * MS_PER_DAY);
  }
}
