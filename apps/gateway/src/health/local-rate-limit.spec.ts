import { LocalRateLimit } from './local-rate-limit';

describe('the readiness probe’s per-address limit', () => {
  it('refuses an address past its limit until its window ends', () => {
    const limit = new LocalRateLimit(2, 10_000);
    expect([limit.hit('a', 0), limit.hit('a', 1), limit.hit('a', 2)]).toEqual([undefined, undefined, 10]);
    expect(limit.hit('a', 10_000)).toBeUndefined();
  });

  it('is not reset for everyone by a flood of new addresses: only the oldest counter makes room', () => {
    const limit = new LocalRateLimit(1, 60_000, 100);
    limit.hit('probe', 0);
    expect(limit.hit('probe', 1)).toBeDefined();
    for (let i = 0; i < 99; i++) limit.hit(`flood-${i}`, 2);
    // The table is full; one more address evicts the oldest counter, not the others.
    limit.hit('one-more', 3);
    expect(limit.hit('flood-98', 4)).toBeDefined();
    expect(limit.hit('probe', 5)).toBeUndefined();
  });

  it('makes room from expired windows first', () => {
    const limit = new LocalRateLimit(1, 1_000, 3);
    limit.hit('old', 0);
    limit.hit('a', 900);
    limit.hit('b', 900);
    limit.hit('c', 1_500);
    expect(limit.hit('a', 1_600)).toBeDefined();
    expect(limit.hit('b', 1_600)).toBeDefined();
  });
});
