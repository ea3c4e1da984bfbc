import type { FilterQuery } from '@mikro-orm/core';

import { notFound, type ResourceFacts, type ScopeField } from '@tic/domain';
import { type Caller, requireAccess, RpcFailure, ScopedRepository } from '@tic/platform';

import { Center } from '../centers/center.entity';
import type { ChangeRequest } from './change-request.entity';

/**
 * A26: change reports in the caller's scope. A report is seen by whoever sees its center, as the center's
 * units stand now (a reorganization hands the reports on to the new units with the center).
 */
export class ChangeRequestRepository extends ScopedRepository<ChangeRequest> {
  protected readonly kind = 'change';

  async facts(change: ChangeRequest): Promise<ResourceFacts> {
    const center = await this.em.getRepository(Center).findOneOrFail({ id: change.centerId });
    return { ...this.em.getRepository(Center).facts(center), kind: 'change' };
  }

  protected async scopeCondition(field: ScopeField, value: string): Promise<FilterQuery<ChangeRequest>> {
    return { centerId: { $in: await this.em.getRepository(Center).idsTiedTo(field, value) } };
  }

  /** The report locked for a command, if the caller may see it; otherwise 404, whether it exists or not. */
  async findVisibleForUpdate(id: string, caller: Caller): Promise<ChangeRequest> {
    const change = await this.findForUpdate(id);
    if (change === null) throw RpcFailure.denied(notFound('change'));
    requireAccess(caller, 'change.read', await this.facts(change));
    return change;
  }

  /** One page of a center's reports within `scope` (a visibleFilter), newest first. */
  page(
    scope: FilterQuery<ChangeRequest>,
    filter: { readonly centerId: string; readonly status?: ChangeRequest['status']; readonly cursor?: string },
    limit: number,
  ): Promise<ChangeRequest[]> {
    const conditions: FilterQuery<ChangeRequest>[] = [scope, { centerId: filter.centerId }];
    if (filter.status) conditions.push({ status: filter.status });
    if (filter.cursor) conditions.push({ id: { $lt: filter.cursor } });
    return this.find({ $and: conditions }, { orderBy: { id: 'desc' }, limit: limit + 1 });
  }
}
