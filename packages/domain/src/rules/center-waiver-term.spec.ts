import { centerWaiverInForce, centerWaiverLastDay } from './center-waiver-term';

describe('center-level waivers last one year (DOMAIN.md §3, Civil Code A201–A202)', () => {
  it.each([
    ['2026-03-10', '2027-03-10'],
    ['2028-02-29', '2029-02-28'],
  ])('a waiver granted on %s lasts through %s', (grantedOn, lastDay) => {
    expect(centerWaiverLastDay(grantedOn)).toBe(lastDay);
  });

  it.each([
    ['the day it is granted', '2026-03-10', true],
    ['the last day of its year', '2027-03-10', true],
    ['the day after its year', '2027-03-11', false],
    ['a day before it was granted', '2026-03-09', false],
  ])('a waiver granted on 2026-03-10, read on %s → in force %s', (_case, on, inForce) => {
    expect(centerWaiverInForce('2026-03-10', on)).toBe(inForce);
  });
});
