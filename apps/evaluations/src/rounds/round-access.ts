import { notFound, type ResourceFacts } from '@tic/domain';
import {
  type Caller,
  type DirectoryCenter,
  directoryCenterFacts,
  mayAccess,
  requireAccess,
  RpcFailure,
} from '@tic/platform';

import type { RoundCenter } from './round-center.entity';

/**
 * A round as a whole (no center's entry): DST organizes it (A28) and, its read scope being `all`, alone sees
 * it as such; an agency lists and declares by it (A29). Anyone else sees a round only through its entries.
 */
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

/** Whether the caller sees one center's entry in a round (DOMAIN.md §1, A29). */
export function seesRoundCenter(caller: Caller, entry: RoundCenter, center: DirectoryCenter | undefined): boolean {
  return mayAccess(caller, 'round.read', roundEntryFacts(entry, center));
}

/** A center of a round the caller does not see is not found, whether it exists or not. */
export function requireSeen(
  caller: Caller,
  entry: RoundCenter | null,
  center: DirectoryCenter | undefined,
): RoundCenter {
  if (entry === null) throw roundNotFound();
  requireAccess(caller, 'round.read', roundEntryFacts(entry, center));
  return entry;
}

/** A round or an entry the caller does not see, or that does not exist: the same 404 either way. */
export function roundNotFound(): RpcFailure {
  return RpcFailure.denied(notFound('round'));
}
