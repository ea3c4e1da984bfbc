import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import type { Caller } from '@tic/platform';

import { Platform } from '../platforms/platform.entity';

/**
 * Which platforms a caller sees (DOMAIN.md §1): DST and the committee office all; a unit the
 * platforms it supports, builds or co-builds; a recommender those in its jurisdiction.
 */
export function platformScope(caller: Caller): FilterQuery<Platform> | null {
  switch (caller.role) {
    case 'dst_admin':
    case 'committee_office':
      return {};
    case 'supporting_unit':
      return { supportingUnitId: caller.orgId };
    case 'construction_unit':
      return { constructionUnitId: caller.orgId };
    case 'recommender':
      return { recommenderId: caller.orgId };
    case 'co_builder':
      return { coBuilderIds: { $contains: [caller.orgId] } };
    case 'expert':
    case 'evaluator':
      return null;
  }
}

/** Whether the caller sees this platform (the same rule as the list filter). */
export function canSeePlatform(caller: Caller, platform: Platform): boolean {
  switch (caller.role) {
    case 'dst_admin':
    case 'committee_office':
      return true;
    case 'supporting_unit':
      return platform.supportingUnitId === caller.orgId;
    case 'construction_unit':
      return platform.constructionUnitId === caller.orgId;
    case 'recommender':
      return platform.recommenderId === caller.orgId;
    case 'co_builder':
      return platform.coBuilderIds.includes(caller.orgId);
    case 'expert':
    case 'evaluator':
      return false;
  }
}

/** Whether the caller appoints the staff of this platform: its supporting unit, or the construction unit of a TIC. */
export function managesStaff(caller: Caller, platform: Platform): boolean {
  return (
    (caller.role === 'supporting_unit' && platform.supportingUnitId === caller.orgId) ||
    (caller.role === 'construction_unit' && platform.constructionUnitId === caller.orgId)
  );
}

/** A15, A16, A17: the supporting unit appoints the director and forms the committees. */
export function isSupportingUnitOf(caller: Caller, platform: Platform): boolean {
  return caller.role === 'supporting_unit' && platform.supportingUnitId === caller.orgId;
}

/** The ids of the platforms the caller sees: every one, or a list (a unit's or a recommender's few). */
export async function visiblePlatformIds(em: EntityManager, caller: Caller): Promise<'all' | string[]> {
  const scope = platformScope(caller);
  if (scope === null) return [];
  if (Object.keys(scope).length === 0) return 'all';
  return (await em.find(Platform, scope, { fields: ['id'] })).map((p) => p.id);
}
