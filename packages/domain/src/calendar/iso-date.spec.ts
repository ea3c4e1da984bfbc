import { isValidIsoDate } from './iso-date';

describe('isValidIsoDate', () => {
  it.each(['2026-02-28', '2024-02-29', '0001-01-01', '2026-12-31'])('accepts %s', (date) => {
    expect(isValidIsoDate(date)).toBe(true);
  });

  // Year 0 does not exist (and PostgreSQL refuses it): accepting it would turn a typo into a 500.
  it.each([
    '0000-01-01',
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-1',
    '26-01-01',
    '2026-01-01T00:00:00Z',
  ])('refuses %s', (date) => {
    expect(isValidIsoDate(date)).toBe(false);
  });
});
