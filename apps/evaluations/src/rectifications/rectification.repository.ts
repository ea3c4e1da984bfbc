import type { FilterQuery } from '@mikro-orm/core';

import { notFound, type ResourceFacts, type ScopeField } from '@tic/domain';
import {
  type Caller,
  DirectoryCenter,
  directoryCenterFacts,
  requireAccess,
  RpcFailure,
  ScopedRepository,
} from '@tic/platform';

import type { Rectification } from './rectification.entity';

/**
 * The facts the policy decides a rectification on: its center's units now (none when the directory does not
 * hold the center), and the experts drawn for it.
 */
export function rectificationFacts(row: Rectification, center: DirectoryCenter | null): ResourceFacts {
  const units = center === null ? { kind: 'rectification' as const } : directoryCenterFacts('rectification', center);
  return { ...units, assignedUserIds: row.expertUserIds, status: row.status };
}

/**
 * A30: rectifications in the caller's scope. A unit sees those of its centers as the registry stands now
 * (the kit's center directory); an expert only the acceptance drawn for them.
 */
export class RectificationRepository extends ScopedRepository<Rectification> {
  protected readonly kind = 'rectification';

  async facts(row: Rectification): Promise<ResourceFacts> {
    return rectificationFacts(row, await this.em.findOneOrFail(DirectoryCenter, { id: row.centerId }));
  }

  protected async scopeCondition(field: ScopeField, value: string): Promise<FilterQuery<Rectification>> {
    // An expert sees the acceptance drawn for them; a unit the rectifications of its centers.
    if (field === 'assignedUserIds') return { expertUserIds: { $contains: [value] } };
    return this.centerCondition(field, value);
  }

  /** The rectification locked for a command, if the caller may see it; otherwise 404, whether it exists or not. */
  async findVisibleForUpdate(id: string, caller: Caller): Promise<Rectification> {
    const row = await this.findForUpdate(id);
    if (row === null) throw RpcFailure.denied(notFound('rectification'));
    requireAccess(caller, 'rectification.read', await this.facts(row));
    return row;
  }

  /** One page of the rectifications within `scope` (a visibleFilter), newest first. */
  page(
    scope: FilterQuery<Rectification>,
    filter: { readonly centerId?: string; readonly status?: Rectification['status']; readonly cursor?: string },
    limit: number,
  ): Promise<Rectification[]> {
    const conditions: FilterQuery<Rectification>[] = [scope];
    if (filter.centerId) conditions.push({ centerId: filter.centerId });
    if (filter.status) conditions.push({ status: filter.status });
    if (filter.cursor) conditions.push({ id: { $lt: filter.cursor } });
    return this.find({ $and: conditions }, { orderBy: { id: 'desc' }, limit: limit + 1 });
  }
}
