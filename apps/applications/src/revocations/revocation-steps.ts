import { type Caller, eventActor, refuse } from '@tic/platform';

import type { Center } from '../centers/center.entity';
import type { RevocationCase } from './revocation-case.entity';
import { REVOCATION_REFUSALS } from './revocations.refusals';

/** Records DST's decision on the case (revoke, close, or dismiss a proposal). */
export function decided(
  row: RevocationCase,
  outcome: 'revoke' | 'close' | 'dismiss',
  reason: string,
  on: string,
): void {
  row.decision = outcome;
  row.decisionReason = reason;
  row.decidedOn = on;
}

/** The part every event of a case carries. */
export function caseRef(row: RevocationCase, center: Center, caller: Caller) {
  return {
    caseId: row.id,
    centerId: center.id,
    name: { zh: center.nameZh, en: center.nameEn },
    grounds: row.grounds,
    actor: eventActor(caller),
  };
}

/** A decision's or filing's date: today by default, never in the future. */
export function notAfterToday(date: string | undefined, field: string, today: string): string {
  if (date === undefined) return today;
  if (date > today) {
    throw refuse(
      REVOCATION_REFUSALS.date_in_future,
      { field, today },
      { errors: [{ path: field, message: `after ${today}` }] },
    );
  }
  return date;
}
