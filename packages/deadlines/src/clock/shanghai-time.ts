import { addDays, assertIsoDate } from '@tic/domain';

// Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in Asia/Shanghai at an instant: the "today" of the measures. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 in Asia/Shanghai on a `YYYY-MM-DD` date. */
export function startOfShanghaiDay(date: string): Date {
  assertIsoDate(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

/**
 * The instant a deadline falls due: the due date is the last day allowed (民法典第二百零三条: a
 * period ends at 24:00 of its last day), so it passes at 00:00 Asia/Shanghai the day after.
 */
export function fallsDueAt(dueOn: string): Date {
  return startOfShanghaiDay(addDays(dueOn, 1));
}
