import { isKnownDivisionCode, LIAONING_PROVINCE_CODE } from './division-codes';
import { type CodeLegalPersonality, codeLegalPersonality, USCC_AUTHORITIES } from './uscc-categories';

// GB 32100-2015: 31 characters, I O S V Z excluded so that they are not misread.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Central registrations (e.g. 在辽中直单位, A7) carry the national division code 100000. */
export const NATIONAL_DIVISION_CODE = '100000';

/** Why a code is not a valid Unified Social Credit Code. */
export type UsccInvalidReason = 'length' | 'charset' | 'authority' | 'entity_type' | 'region' | 'check_digit';

export interface UsccValidation {
  readonly valid: boolean;
  readonly reason?: UsccInvalidReason;
  /** Positions 3–8: the office that first issued the code; it never changes when the unit moves. */
  readonly regionCode?: string;
  /** Whether that issuing office is in Liaoning: evidence of where the unit started, not of its domicile. */
  readonly inLiaoning?: boolean;
  /** Issued by a central registration authority (`100000`). */
  readonly central?: boolean;
  readonly authority?: string;
  readonly entityType?: string;
  readonly legalPersonality?: CodeLegalPersonality;
}

/** Validates a Unified Social Credit Code (统一社会信用代码, GB 32100-2015) and tells what it encodes. */
export function validateUscc(code: string): UsccValidation {
  const normalized = code.trim().toUpperCase();
  if (normalized.length !== 18) return { valid: false, reason: 'length' };
  const values = Array.from(normalized).map((c) => ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return { valid: false, reason: 'charset' };

  const authority = normalized.charAt(0);
  const entityType = normalized.charAt(1);
  const allowed = USCC_AUTHORITIES[authority];
  if (allowed === undefined) return { valid: false, reason: 'authority' };
  if (!allowed.types.includes(entityType)) return { valid: false, reason: 'entity_type' };

  const regionCode = normalized.slice(2, 8);
  const central = regionCode === NATIONAL_DIVISION_CODE;
  if (!isKnownDivisionCode(regionCode) && !central) {
    return { valid: false, reason: 'region', regionCode };
  }
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * (values[i] ?? 0), 0);
  const expected = (31 - (sum % 31)) % 31;
  if (values[17] !== expected) return { valid: false, reason: 'check_digit', regionCode };

  return {
    valid: true,
    regionCode,
    inLiaoning: regionCode.startsWith(LIAONING_PROVINCE_CODE),
    central,
    authority,
    entityType,
    legalPersonality: codeLegalPersonality(authority, entityType),
  };
}

/** The check character that completes the first 17 characters of a USCC (for fixtures and seeds). */
export function usccCheckCharacter(first17: string): string {
  const sum = Array.from(first17.toUpperCase()).reduce((acc, c, i) => acc + (WEIGHTS[i] ?? 0) * ALPHABET.indexOf(c), 0);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}
