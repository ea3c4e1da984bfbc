/**
 * A date falls in a year whose official holiday schedule is not loaded. Deadlines there are never
 * guessed: the caller refuses, or computes a provisional date that is recomputed once the year is loaded.
 */
export class CalendarNotPublishedError extends Error {
  override readonly name = 'CalendarNotPublishedError';

  constructor(
    readonly date: string,
    readonly year: number,
    readonly publishedYears: readonly number[],
  ) {
    super(
      `The holiday schedule for ${year} is not published or not loaded (needed for ${date}); ` +
        `loaded years: ${summarizeYears(publishedYears)}`,
    );
  }
}

function summarizeYears(years: readonly number[]): string {
  if (years.length === 0) return 'none';
  const sorted = [...years].sort((a, b) => a - b);
  return `${sorted[0]}–${sorted[sorted.length - 1]}`;
}
