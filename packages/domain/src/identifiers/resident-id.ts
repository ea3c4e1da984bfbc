import { isValidIsoDate } from '../calendar/iso-date';
import { isKnownDivisionCode } from './division-codes';

// GB 11643-1999: weights 2^(17-i) mod 11, and the check character for each remainder.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Why a number is not a valid resident ID number. */
export type ResidentIdInvalidReason = 'format' | 'region' | 'birth_date' | 'check_digit';

export interface ResidentIdValidation {
  readonly valid: boolean;
  readonly reason?: ResidentIdInvalidReason;
  readonly birthDate?: string;
}

/**
 * Validates an 18-character resident ID number (公民身份号码, GB 11643-1999): region, a real
 * birth date (not after `asOf` when given) and the check character. 15-digit legacy numbers are refused.
 */
export function validateResidentId(id: string, asOf?: string): ResidentIdValidation {
  const normalized = id.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalized)) return { valid: false, reason: 'format' };
  if (!isKnownDivisionCode(normalized.slice(0, 6))) return { valid: false, reason: 'region' };

  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  const bornTooEarly = birthDate < EARLIEST_BIRTH_DATE;
  const bornInFuture = asOf !== undefined && birthDate > asOf;
  if (!isValidIsoDate(birthDate) || bornTooEarly || bornInFuture) {
    return { valid: false, reason: 'birth_date' };
  }
  if (normalized[17] !== residentIdCheckCharacter(normalized.slice(0, 17))) {
    return { valid: false, reason: 'check_digit' };
  }
  return { valid: true, birthDate };
}

/** The check character that completes the first 17 digits of a resident ID number. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = Array.from(first17).reduce((acc, digit, i) => acc + Number(digit) * (WEIGHTS[i] ?? 0), 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}
