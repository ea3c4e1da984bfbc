import type { FilterQuery } from '@mikro-orm/core';

import type { CenterStatus, ResourceFacts, ScopeField } from '@tic/domain';
import { ScopedRepository } from '@tic/platform';

import type { Center } from './center.entity';

export interface CenterFilter {
  readonly status?: CenterStatus;
  readonly regionCode?: string;
  readonly field?: string;
  readonly cursor?: string;
}

/** The registry of centers in the caller's scope (the same rule as applications, DOMAIN.md §1). */
export class CenterRepository extends ScopedRepository<Center> {
  protected readonly kind = 'center';

  facts(center: Center): ResourceFacts {
    return {
      kind: 'center',
      supportingUnitId: center.supportingUnitId,
      constructionUnitId: center.constructionUnitId,
      recommenderId: center.recommenderId,
      coBuilderIds: center.coBuilderIds,
    };
  }

  protected scopeCondition(field: ScopeField, value: string): FilterQuery<Center> {
    return this.unitCondition(field, value) ?? this.noRows();
  }

  /** One page of the centers matching `filter` within `scope` (a visibleFilter), newest first. */
  page(scope: FilterQuery<Center>, filter: CenterFilter, limit: number): Promise<Center[]> {
    const conditions: FilterQuery<Center>[] = [scope];
    if (filter.status) conditions.push({ status: filter.status });
    if (filter.regionCode) conditions.push({ regionCode: { $like: `${filter.regionCode}%` } });
    if (filter.field)
      conditions.push({
        $or: [{ fieldZh: { $ilike: `%${filter.field}%` } }, { fieldEn: { $ilike: `%${filter.field}%` } }],
      });
    if (filter.cursor) conditions.push({ id: { $lt: filter.cursor } });
    return this.find({ $and: conditions }, { orderBy: { id: 'desc' }, limit: limit + 1 });
  }

  /** A37: a center that is not revoked and already bears either name (any scope: names are province-wide). */
  holderOfName(name: { readonly zh: string; readonly en: string }, except?: string): Promise<Center | null> {
    return this.findOne({
      status: { $ne: 'revoked' },
      ...(except === undefined ? {} : { id: { $ne: except } }),
      $or: [{ nameZh: name.zh }, { nameEn: { $ilike: name.en.replace(/[\\%_]/g, '\\$&') } }],
    });
  }

  /** Ids of the centers `field` ties to `value` (an organization): the scope of what hangs off a center. */
  async idsTiedTo(field: ScopeField, value: string): Promise<string[]> {
    const rows = await this.find(this.scopeCondition(field, value), { fields: ['id'] });
    return rows.map((c) => c.id);
  }

  /** The center an approved application established (filing records its date on it). */
  findForApplication(applicationId: string): Promise<Center> {
    return this.findOneOrFail({ applicationId });
  }
}
