import { addMonthsClamped } from '../calendar/iso-date';

/**
 * DOMAIN.md §3: a center-level waiver is given for one year. Counted as the Civil Code counts a period
 * in years (A201, A202): the day of the grant is not counted and the year ends on the corresponding day
 * of the next year (29 Feb → 28 Feb), which is the waiver's last day.
 */
export function centerWaiverLastDay(grantedOn: string): string {
  return addMonthsClamped(grantedOn, 12);
}

/** Whether a center-level waiver granted on `grantedOn` covers the date asked. */
export function centerWaiverInForce(grantedOn: string, on: string): boolean {
  return grantedOn <= on && on <= centerWaiverLastDay(grantedOn);
}
