import type { FilterQuery } from '@mikro-orm/core';

import { listScope, type ListScope, type Principal, type ResourceFacts, type ResourceKind } from '@tic/domain';

import type { Application } from '../applications/application.entity';

/** What the policy needs to know of an application; `assignedUserIds`: the users drawn to review it. */
export function applicationFacts(application: Application, assignedUserIds: readonly string[] = []): ResourceFacts {
  return {
    kind: 'application',
    supportingUnitId: application.supportingUnitId,
    constructionUnitId: application.constructionUnitId,
    recommenderId: application.recommenderId,
    coBuilderIds: application.coBuilderIds,
    assignedUserIds,
  };
}

/** Whether the caller's list scope of a kind goes through assignments (an expert's), so they must be looked up. */
export function scopeUsesAssignments(caller: Principal, kind: ResourceKind): boolean {
  const scope = listScope(caller, kind);
  return 'anyOf' in scope && scope.anyOf.some((c) => c.field === 'assignedUserIds');
}

/**
 * A list scope as a query over units' columns (an application, a center): null when the caller sees none.
 * An assignment matches the ids the caller was drawn for.
 */
export function scopeFilter<T extends { id: string }>(scope: ListScope, assignedIds: readonly string[] = []): FilterQuery<T> | null {
  if ('all' in scope) return {};
  if ('none' in scope) return null;
  const conditions = scope.anyOf.map(({ field, equals }): object => {
    switch (field) {
      case 'supportingUnitId':
      case 'constructionUnitId':
      case 'recommenderId':
        return { [field]: equals };
      case 'coBuilderIds':
        return { coBuilderIds: { $contains: [equals] } };
      case 'assignedUserIds':
        return { id: { $in: [...assignedIds] } };
      case 'employerOrgId':
      case 'registeredByOrgId':
        return { id: null };
    }
  });
  return { $or: conditions } as FilterQuery<T>;
}

/** Which applications a caller sees (DOMAIN.md §1), from the policy's list scope. */
export function applicationScope(caller: Principal, assignedApplicationIds: readonly string[] = []): FilterQuery<Application> | null {
  return scopeFilter<Application>(listScope(caller, 'application'), assignedApplicationIds);
}
