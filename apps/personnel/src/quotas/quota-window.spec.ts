import { fitsQuota, quotaWindow } from './quota-window';

describe('the quota window: one calendar day in Asia/Shanghai', () => {
  it.each([
    ['just after midnight in Shanghai (16:00 UTC the day before)', '2026-11-28T16:00:01Z', '2026-11-29', 86_399],
    ['at noon in Shanghai', '2026-11-29T04:00:00Z', '2026-11-29', 43_200],
    ['a second before midnight in Shanghai', '2026-11-29T15:59:59Z', '2026-11-29', 1],
    ['across the year end', '2026-12-31T15:59:30.500Z', '2026-12-31', 30],
  ])('issue 9: %s', (_name, instant, day, retryAfterSeconds) => {
    expect(quotaWindow(new Date(instant))).toEqual({ day, retryAfterSeconds });
  });
});

describe('whether a use fits the quota', () => {
  it.each([
    ['the first use under the limit', 0, 10, 200, true],
    ['a use that reaches the limit exactly', 190, 10, 200, true],
    ['a use that passes it', 191, 10, 200, false],
    ['a batch larger than the whole limit, even on a fresh day', 0, 2001, 2000, false],
  ])('issue 9: %s', (_name, used, amount, limit, fits) => {
    expect(fitsQuota(used, amount, limit)).toBe(fits);
  });
});
