import type { FilterQuery } from '@mikro-orm/core';

import type { Caller } from '@tic/platform';

import type { Application } from '../applications/application.entity';

/**
 * Which applications a caller sees (DOMAIN.md §1): DST and the committee office all; a unit those it
 * builds, supports or co-builds; a recommender those in its jurisdiction; an expert those assigned.
 */
export function applicationScope(caller: Caller, assignedApplicationIds: readonly string[] = []): FilterQuery<Application> | null {
  switch (caller.role) {
    case 'dst_admin':
    case 'committee_office':
      return {};
    case 'construction_unit':
      return { constructionUnitId: caller.orgId };
    case 'supporting_unit':
      return { supportingUnitId: caller.orgId };
    case 'recommender':
      return { recommenderId: caller.orgId };
    case 'co_builder':
      return { coBuilderIds: { $contains: [caller.orgId] } };
    case 'expert':
      return assignedApplicationIds.length > 0 ? { id: { $in: [...assignedApplicationIds] } } : null;
    case 'evaluator':
      return null;
  }
}

/** Whether the caller sees this application (the same rule as the list filter). */
export function canSee(caller: Caller, application: Application, assigned: boolean): boolean {
  switch (caller.role) {
    case 'dst_admin':
    case 'committee_office':
      return true;
    case 'construction_unit':
      return application.constructionUnitId === caller.orgId;
    case 'supporting_unit':
      return application.supportingUnitId === caller.orgId;
    case 'recommender':
      return application.recommenderId === caller.orgId;
    case 'co_builder':
      return application.coBuilderIds.includes(caller.orgId);
    case 'expert':
      return assigned;
    case 'evaluator':
      return false;
  }
}
