import { usccCheckCharacter, validateUscc } from './uscc';

// Codes published by the companies themselves: the check character is computed independently of us.
const REAL_CODES = ['914403001922038216', '91330100799655058B', '9144030071526726XG'];

const liaoning = (first17: string) => first17 + usccCheckCharacter(first17);

describe('validateUscc (GB 32100-2015)', () => {
  it.each(REAL_CODES)('accepts the published code %s', (code) => {
    expect(validateUscc(code)).toEqual({ valid: true, regionCode: code.slice(2, 8), inLiaoning: false });
  });

  it('A12(一): a Shenyang code is in Liaoning', () => {
    const code = liaoning('91210102MA0P5K3L0');
    expect(validateUscc(code)).toEqual({ valid: true, regionCode: '210102', inLiaoning: true });
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
