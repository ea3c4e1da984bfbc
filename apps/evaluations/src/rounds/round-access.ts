import type { DirectoryCenter } from '@tic/platform';
import { type Caller, refuse } from '@tic/platform';

import type { RoundCenter } from './round-center.entity';
import { ROUND_REFUSALS } from './rounds.refusals';

/** A28: DST organizes the round; anybody else is refused with the article. */
export function requireDst(caller: Caller): void {
  if (caller.role !== 'dst_admin') throw refuse(ROUND_REFUSALS.dst_only);
}

/**
 * Who sees one center of a round (DOMAIN.md §1): DST every one; an agency only those entrusted to it
 * (A29); the center's own supporting, construction and co-building units and its recommender theirs.
 */
export function seesRoundCenter(caller: Caller, entry: RoundCenter, center: DirectoryCenter | undefined): boolean {
  switch (caller.role) {
    case 'dst_admin':
      return true;
    case 'evaluator':
      return entry.agencyOrgId === caller.orgId;
    case 'supporting_unit':
      return center?.supportingUnitId === caller.orgId;
    case 'construction_unit':
      return center?.constructionUnitId === caller.orgId;
    case 'co_builder':
      return center?.coBuilderIds.includes(caller.orgId) ?? false;
    case 'recommender':
      return center?.recommenderId === caller.orgId;
    case 'committee_office':
    case 'expert':
    case 'agency':
      return false;
  }
}

/** A center of a round the caller does not see is not found, whether it exists or not. */
export function requireSeen(
  caller: Caller,
  entry: RoundCenter | null,
  center: DirectoryCenter | undefined,
): RoundCenter {
  if (entry === null || !seesRoundCenter(caller, entry, center)) throw refuse(ROUND_REFUSALS.not_found);
  return entry;
}
