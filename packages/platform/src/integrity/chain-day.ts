// The centers, DST and its archive keep Beijing time; a day's anchor closes at its midnight there.
const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (`YYYY-MM-DD`, Beijing time) an instant falls on. */
export function chainDay(instant: Date): string {
  return DAY_FORMAT.format(instant);
}
