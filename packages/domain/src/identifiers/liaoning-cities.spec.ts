import { LIAONING_CITY_CODES, liaoningCityOf } from './liaoning-cities';

describe('Liaoning cities (GB/T 2260)', () => {
  it.each([
    ['210102', '2101', '沈阳市'],
    ['210200', '2102', '大连市'],
    ['211403', '2114', '葫芦岛市'],
  ])('%s lies in %s %s', (regionCode, code, zh) => {
    expect(liaoningCityOf(regionCode)).toMatchObject({ code, name: { zh } });
  });

  it.each(['210000', '110101', '2115'])('%s names no city of Liaoning', (regionCode) => {
    expect(liaoningCityOf(regionCode)).toBeNull();
  });

  it('knows all fourteen cities', () => {
    expect(LIAONING_CITY_CODES).toHaveLength(14);
  });
});
