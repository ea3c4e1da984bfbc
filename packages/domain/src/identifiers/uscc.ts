import { isKnownDivisionCode, LIAONING_PROVINCE_CODE } from './division-codes';

// GB 32100-2015: 31 characters, I O S V Z excluded so that they are not misread.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// Central registrations carry the national division code 100000.
const NATIONAL_DIVISION_CODE = '100000';

/** Why a code is not a valid Unified Social Credit Code. */
export type UsccInvalidReason = 'length' | 'charset' | 'region' | 'check_digit';

export interface UsccValidation {
  readonly valid: boolean;
  readonly reason?: UsccInvalidReason;
  readonly regionCode?: string;
  readonly inLiaoning?: boolean;
}

/** Validates a Unified Social Credit Code (统一社会信用代码, GB 32100-2015) and tells its region. */
export function validateUscc(code: string): UsccValidation {
  const normalized = code.trim().toUpperCase();
  if (normalized.length !== 18) return { valid: false, reason: 'length' };
  const values = Array.from(normalized).map((c) => ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return { valid: false, reason: 'charset' };

  const regionCode = normalized.slice(2, 8);
  if (!isKnownDivisionCode(regionCode) && regionCode !== NATIONAL_DIVISION_CODE) {
    return { valid: false, reason: 'region', regionCode };
  }
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * (values[i] ?? 0), 0);
  const expected = (31 - (sum % 31)) % 31;
  if (values[17] !== expected) return { valid: false, reason: 'check_digit', regionCode };

  return { valid: true, regionCode, inLiaoning: regionCode.startsWith(LIAONING_PROVINCE_CODE) };
}

/** The check character that completes the first 17 characters of a USCC (for fixtures and seeds). */
export function usccCheckCharacter(first17: string): string {
  const sum = Array.from(first17.toUpperCase()).reduce((acc, c, i) => acc + (WEIGHTS[i] ?? 0) * ALPHABET.indexOf(c), 0);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}
