import { z } from 'zod';

import { validateResidentId } from '@tic/domain';

import { entityId } from '../../schemas';

/**
 * A resident ID number as a caller types it. The message never repeats the number: it is personal
 * information (DOMAIN.md §6) and error bodies end up in logs and screenshots.
 */
export const residentIdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const { valid, reason } = validateResidentId(value, new Date().toISOString().slice(0, 10));
    if (!valid) ctx.addIssue({ code: 'custom', message: RESIDENT_ID_MESSAGES[reason ?? 'format'] });
  })
  .describe(
    '公民身份号码 (GB 11643-1999), or a Hong Kong, Macao or Taiwan residence permit or permanent residence ID of the same layout; write-only: responses carry it masked',
  );

const RESIDENT_ID_MESSAGES = {
  format: 'must be an 18-character resident ID number (17 digits and a check character)',
  region:
    'does not start with a known division code, permit prefix (810000, 820000, 830000) or permanent residence prefix (9)',
  birth_date: 'does not contain a real birth date',
  check_digit: 'has a wrong check character',
} as const;

/** How a resident ID number is shown everywhere: `2101**********1234`. */
export const maskedIdNumber = z.string().regex(/^\d{4}\*{10}[\dX]{4}$/);

export const personName = z.string().trim().min(1).max(50);

/**
 * Issue 9: a unit names a person it already sees by id, or proves it knows them by presenting their
 * number; anyone else is a 404 person.not_found, the same as an id that does not exist.
 */
export const namedPersonFields = {
  personId: entityId
    .optional()
    .describe(
      'a person the caller already sees (employed or registered by it, or serving one of its platforms); any other id is a 404 person.not_found. Exactly one of personId and idNumber',
    ),
  idNumber: residentIdNumber
    .optional()
    .describe(
      'or the resident ID number of a registered person, presented by the unit (write-only; counts towards the registrations quota); an unregistered number is a 404 person.not_found. Exactly one of personId and idNumber',
    ),
};

/** Refines an object with namedPersonFields: exactly one of them. */
export function exactlyOnePerson(input: { personId?: string; idNumber?: string }, ctx: z.RefinementCtx): void {
  if ((input.personId === undefined) === (input.idNumber === undefined))
    ctx.addIssue({ code: 'custom', path: ['personId'], message: 'give exactly one of personId and idNumber' });
}
