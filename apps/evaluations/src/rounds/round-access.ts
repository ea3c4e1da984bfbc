import type { ResourceFacts } from '@tic/domain';
import {
  type Caller,
  type DirectoryCenter,
  directoryCenterFacts,
  mayAccess,
  refuse,
  requireAccess,
} from '@tic/platform';

import type { RoundCenter } from './round-center.entity';
import { ROUND_REFUSALS } from './rounds.refusals';

/** A round as a whole, which only its organizer acts on (A28). */
export const WHOLE_ROUND: ResourceFacts = { kind: 'round' };

/** A28: DST organizes the round; anybody else is refused with the article. */
export function requireDst(caller: Caller): void {
  requireAccess(caller, 'round.organize', WHOLE_ROUND);
}

/**
 * The facts the policy decides one center of a round on (DOMAIN.md §1, A29): the center's units as the
 * directory holds them, and the agency entrusted with it.
 */
export function roundEntryFacts(entry: RoundCenter, center: DirectoryCenter | undefined): ResourceFacts {
  return {
    ...(center === undefined ? { kind: 'round' } : directoryCenterFacts('round', center)),
    ...(entry.agencyOrgId === null ? {} : { entrustedAgencyId: entry.agencyOrgId }),
  };
}

export function seesRoundCenter(caller: Caller, entry: RoundCenter, center: DirectoryCenter | undefined): boolean {
  return mayAccess(caller, 'round.read', roundEntryFacts(entry, center));
}

/** A center of a round the caller does not see is not found, whether it exists or not. */
export function requireSeen(
  caller: Caller,
  entry: RoundCenter | null,
  center: DirectoryCenter | undefined,
): RoundCenter {
  if (entry === null) throw refuse(ROUND_REFUSALS.not_found);
  requireAccess(caller, 'round.read', roundEntryFacts(entry, center));
  return entry;
}
