import { isValidIsoDate } from '../calendar/iso-date';
import { isKnownDivisionCode } from './division-codes';

// GB 11643-1999: weights 2^(17-i) mod 11, and the check character for each remainder.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Why a number is not a valid resident ID number. */
export type ResidentIdInvalidReason = 'format' | 'region' | 'birth_date' | 'check_digit';

/**
 * Which document the number belongs to. All share GB 11643's layout and check character: the residence
 * permits of Hong Kong, Macao and Taiwan residents (港澳台居民居住证, 2018) carry 810000 / 820000 / 830000 where
 * the division code stands, and the 2023 foreigners' permanent residence ID card (外国人永久居留身份证) starts
 * with 9, then the issuing province (2 digits) and the nationality (3 digits).
 */
export type ResidentIdDocument = 'resident_id' | 'hmt_residence_permit' | 'permanent_residence_id';

export interface ResidentIdValidation {
  readonly valid: boolean;
  readonly reason?: ResidentIdInvalidReason;
  readonly birthDate?: string;
  readonly document?: ResidentIdDocument;
}

const HMT_PERMIT_PREFIXES = new Set(['810000', '820000', '830000']);

/** The document a number's first six digits name, or null when they name none. */
function documentOf(first6: string): ResidentIdDocument | null {
  if (first6.startsWith('9')) return isKnownDivisionCode(`${first6.slice(1, 3)}0000`) ? 'permanent_residence_id' : null;
  if (first6.startsWith('8')) return HMT_PERMIT_PREFIXES.has(first6) ? 'hmt_residence_permit' : null;
  return isKnownDivisionCode(first6) ? 'resident_id' : null;
}

/**
 * Validates an 18-character resident ID number (公民身份号码, GB 11643-1999), or a number of the same
 * layout (see `ResidentIdDocument`): region, a real birth date (not after `asOf` when given) and the
 * check character (ISO 7064 MOD 11-2). 15-digit legacy numbers are refused.
 */
export function validateResidentId(id: string, asOf?: string): ResidentIdValidation {
  const normalized = id.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalized)) return { valid: false, reason: 'format' };
  const document = documentOf(normalized.slice(0, 6));
  if (document === null) return { valid: false, reason: 'region' };

  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  const bornTooEarly = birthDate < EARLIEST_BIRTH_DATE;
  const bornInFuture = asOf !== undefined && birthDate > asOf;
  if (!isValidIsoDate(birthDate) || bornTooEarly || bornInFuture) {
    return { valid: false, reason: 'birth_date' };
  }
  if (normalized[17] !== residentIdCheckCharacter(normalized.slice(0, 17))) {
    return { valid: false, reason: 'check_digit' };
  }
  return { valid: true, birthDate, document };
}

/** The check character that completes the first 17 digits of a resident ID number. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = Array.from(first17).reduce((acc, digit, i) => acc + Number(digit) * (WEIGHTS[i] ?? 0), 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}
