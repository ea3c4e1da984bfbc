import { fundingConfigSchema, isDayOfEveryYear } from './config';

describe('FUNDING_MIDYEAR_CHECK', () => {
  it('is a day every year has: 02-30, 04-31 and 02-29 (missing in non-leap years) are refused', () => {
    for (const day of ['07-01', '01-31', '02-28', '04-30', '12-31'])
      expect([day, isDayOfEveryYear(day)]).toEqual([day, true]);
    for (const day of ['02-29', '02-30', '02-31', '04-31', '06-31', '09-31', '11-31']) {
      expect([day, isDayOfEveryYear(day)]).toEqual([day, false]);
    }
  });

  it('a start with an impossible day fails on the setting', () => {
    const shape = fundingConfigSchema.safeParse({ FUNDING_MIDYEAR_CHECK: '04-31' });
    expect(shape.success).toBe(false);
    expect(JSON.stringify(shape.error?.issues)).toContain('FUNDING_MIDYEAR_CHECK');
  });
});
