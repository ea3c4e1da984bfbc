import { maskResidentId } from './masking';
import { residentIdCheckCharacter, validateResidentId } from './resident-id';

const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);

describe('validateResidentId (GB 11643-1999)', () => {
  it('accepts the standard’s own example with check character X', () => {
    expect(validateResidentId('11010519491231002X')).toEqual({
      valid: true,
      birthDate: '1949-12-31',
      document: 'resident_id',
    });
  });

  it('accepts a lower-case x', () => {
    expect(validateResidentId('11010519491231002x').valid).toBe(true);
  });

  it('accepts a Shenyang number and reads the birth date', () => {
    expect(validateResidentId(withCheck('21010219900307123'))).toEqual({
      valid: true,
      birthDate: '1990-03-07',
      document: 'resident_id',
    });
  });

  it.each([
    ['a 15-digit legacy number', '110105491231002', 'format'],
    ['letters inside', '1101051949123100AX', 'format'],
    ['an unknown province', withCheck('99010519491231002'), 'region'],
    ['30 February', withCheck('21010219900230123'), 'birth_date'],
    ['month 13', withCheck('21010219901301123'), 'birth_date'],
    ['a birth before 1900', withCheck('21010218991231123'), 'birth_date'],
    ['a wrong check character', '110105194912310021', 'check_digit'],
  ])('rejects %s', (_case, id, reason) => {
    expect(validateResidentId(id)).toMatchObject({ valid: false, reason });
  });

  // DOMAIN.md §6: staff of a center may hold a residence permit or a permanent residence ID card.
  it.each([
    ['a Hong Kong resident’s residence permit', '81000019900307123', 'hmt_residence_permit'],
    ['a Macao resident’s residence permit', '82000019900307123', 'hmt_residence_permit'],
    ['a Taiwan resident’s residence permit', '83000019900307123', 'hmt_residence_permit'],
    [
      'a foreigner’s 2023 permanent residence ID (Liaoning, nationality 840)',
      '92184019900307123',
      'permanent_residence_id',
    ],
  ] as const)('A18 staff: accepts %s', (_case, first17, document) => {
    expect(validateResidentId(withCheck(first17))).toEqual({ valid: true, birthDate: '1990-03-07', document });
  });

  it.each([
    ['a permit prefix with a county part (810101)', withCheck('81010119900307123'), 'region'],
    ['an unknown permit prefix (840000)', withCheck('84000019900307123'), 'region'],
    ['a permanent residence ID of no province (90…)', withCheck('90084019900307123'), 'region'],
    ['a permit with 31 February', withCheck('81000019900231123'), 'birth_date'],
    [
      'a permit with a wrong check character',
      `81000019900307123${residentIdCheckCharacter('81000019900307123') === '1' ? '2' : '1'}`,
      'check_digit',
    ],
    [
      'a permanent residence ID with a wrong check character',
      `92184019900307123${residentIdCheckCharacter('92184019900307123') === '1' ? '2' : '1'}`,
      'check_digit',
    ],
  ])('rejects %s', (_case, id, reason) => {
    expect(validateResidentId(id)).toMatchObject({ valid: false, reason });
  });

  it('rejects a birth date after the date it is checked on, and accepts one on that day', () => {
    const id = withCheck('21010220261128123');
    expect(validateResidentId(id, '2026-11-27')).toMatchObject({ valid: false, reason: 'birth_date' });
    expect(validateResidentId(id, '2026-11-28')).toMatchObject({ valid: true });
  });
});

describe('maskResidentId', () => {
  it('keeps the first and last four characters', () => {
    expect(maskResidentId('210102199003071234')).toBe('2101**********1234');
  });

  it('masks a value too short to keep both ends entirely', () => {
    expect(maskResidentId('12345678')).toBe('********');
  });
});
