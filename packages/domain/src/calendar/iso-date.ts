// Legal dates are calendar days, not instants: they are handled as 'YYYY-MM-DD' strings and
// counted in whole UTC days so that no time zone can shift them.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Whether a string is a real calendar date written as `YYYY-MM-DD` (the proleptic Gregorian calendar has no year 0). */
export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Throws a RangeError unless the value is a real `YYYY-MM-DD` date (a programmer error). */
export function assertIsoDate(value: string, name = 'date'): void {
  if (!isValidIsoDate(value)) {
    throw new RangeError(`${name} must be a real date written as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
}

/** The year of a `YYYY-MM-DD` date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The number of days in a month (1-based). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return toDate(date).getUTCDay();
}

/** Whether the date falls on a Saturday or Sunday. */
export function isWeekend(date: string): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

/** The date `days` calendar days after (or, negative, before) the given one. */
export function addDays(date: string, days: number): string {
  return fromDate(new Date(toDate(date).getTime() + days * MS_PER_DAY));
}

/**
 * The corresponding day `months` months later; where the target month has no such day, its last
 * day (民法典第二百零三条 applied to months and years).
 */
export function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function toDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
