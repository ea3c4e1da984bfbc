import type { FilterQuery } from '@mikro-orm/core';

import type { ResourceFacts, RevocationStatus, ScopeField } from '@tic/domain';
import { ScopedRepository } from '@tic/platform';

import type { RevocationCase } from './revocation-case.entity';

export interface RevocationFilter {
  readonly status?: RevocationStatus;
  readonly centerId?: string;
  readonly cursor?: string;
}

/** Revocation cases, seen as their center is (DOMAIN.md §1). */
export class RevocationCaseRepository extends ScopedRepository<RevocationCase> {
  protected readonly kind = 'revocation';

  facts(row: RevocationCase): ResourceFacts {
    return {
      kind: 'revocation',
      supportingUnitId: row.supportingUnitId,
      constructionUnitId: row.constructionUnitId,
      recommenderId: row.recommenderId,
      coBuilderIds: row.coBuilderIds,
    };
  }

  protected scopeCondition(field: ScopeField, value: string): FilterQuery<RevocationCase> {
    return this.unitCondition(field, value) ?? this.noRows();
  }

  /** One page of the cases matching `filter` within `scope` (a visibleFilter), newest first. */
  page(scope: FilterQuery<RevocationCase>, filter: RevocationFilter, limit: number): Promise<RevocationCase[]> {
    const conditions: FilterQuery<RevocationCase>[] = [scope];
    if (filter.status) conditions.push({ status: filter.status });
    if (filter.centerId) conditions.push({ centerId: filter.centerId });
    if (filter.cursor) conditions.push({ id: { $lt: filter.cursor } });
    return this.find({ $and: conditions }, { orderBy: { id: 'desc' }, limit: limit + 1 });
  }
}
