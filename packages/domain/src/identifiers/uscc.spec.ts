import { usccCheckCharacter, validateUscc } from './uscc';

// Codes published by the companies themselves: the check character is computed independently of us.
const REAL_CODES = ['914403001922038216', '91330100799655058B', '9144030071526726XG'];

const liaoning = (first17: string) => first17 + usccCheckCharacter(first17);

describe('validateUscc (GB 32100-2015)', () => {
  it.each(REAL_CODES)('accepts the published code %s', (code) => {
    expect(validateUscc(code)).toMatchObject({ valid: true, regionCode: code.slice(2, 8), inLiaoning: false });
  });

  it('A12(一): a Shenyang code is in Liaoning', () => {
    const code = liaoning('91210102MA0P5K3L0');
    expect(validateUscc(code)).toEqual({
      valid: true,
      regionCode: '210102',
      inLiaoning: true,
      central: false,
      authority: '9',
      entityType: '1',
      legalPersonality: 'unknown',
    });
  });

  it('A7: a central registration (100000) is well formed and not a Liaoning-issued code', () => {
    expect(validateUscc(liaoning('12100000MB0D4E5F6'))).toMatchObject({
      valid: true,
      central: true,
      inLiaoning: false,
    });
  });

  // GB 32100-2015 table 1: each registration authority issues its own entity types.
  it.each([
    ['1', '1', '机构编制: 机关'],
    ['1', '2', '机构编制: 事业单位'],
    ['1', '3', '机构编制: 群众团体'],
    ['1', '9', '机构编制: 其他'],
    ['5', '1', '民政: 社会团体'],
    ['5', '2', '民政: 民办非企业单位'],
    ['5', '3', '民政: 基金会'],
    ['9', '1', '工商: 企业'],
    ['9', '2', '工商: 个体工商户'],
    ['9', '3', '工商: 农民专业合作社'],
    ['N', '2', '农业: 村级集体经济组织'],
    ['Y', '1', '其他'],
  ])('accepts authority %s with entity type %s (%s)', (authority, type) => {
    expect(validateUscc(liaoning(`${authority}${type}210102MA0P5K3L0`)).valid).toBe(true);
  });

  it.each([
    ['authority 0', '01210102MA0P5K3L0', 'authority'],
    ['authority B', 'B1210102MA0P5K3L0', 'authority'],
    ['机构编制 with type 4', '14210102MA0P5K3L0', 'entity_type'],
    ['民政 with type 4', '54210102MA0P5K3L0', 'entity_type'],
    ['工商 with type 9', '99210102MA0P5K3L0', 'entity_type'],
    ['工商 with type 4', '94210102MA0P5K3L0', 'entity_type'],
    ['其他 with type 2', 'Y2210102MA0P5K3L0', 'entity_type'],
  ])('rejects %s', (_case, first17, reason) => {
    expect(validateUscc(liaoning(first17))).toMatchObject({ valid: false, reason });
  });

  it('A12(一): only 9-2 (个体工商户) says by itself that the unit is no legal person', () => {
    expect(validateUscc(liaoning('92210102MA0P5K3L0')).legalPersonality).toBe('no');
    expect(validateUscc(liaoning('93210102MA0P5K3L0')).legalPersonality).toBe('unknown');
    expect(validateUscc(liaoning('91210102MA0P5K3L0')).legalPersonality).toBe('unknown');
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(validateUscc(` ${'91330100799655058B'.toLowerCase()} `).valid).toBe(true);
  });

  it.each([
    ['too short', '91330100799655058', 'length'],
    ['too long', '91330100799655058BB', 'length'],
    ['a letter the standard excludes (I)', '91330100799655058I', 'charset'],
    ['a letter the standard excludes (O)', '9133010079965505OB', 'charset'],
    ['an unknown province', '919901007996550589', 'region'],
    ['a wrong check character', '91330100799655058C', 'check_digit'],
  ])('rejects %s', (_case, code, reason) => {
    expect(validateUscc(code)).toMatchObject({ valid: false, reason });
  });

  it('every single-character change of a valid code is caught', () => {
    const code = REAL_CODES[0]!;
    for (let i = 0; i < 17; i++) {
      const original = code[i]!;
      const replacement = original === '1' ? '2' : '1';
      const mutated = code.slice(0, i) + replacement + code.slice(i + 1);
      expect(validateUscc(mutated).valid).toBe(false);
    }
  });
});
