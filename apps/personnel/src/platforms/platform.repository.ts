import type { FilterQuery } from '@mikro-orm/core';

import type { PlatformKind, PlatformStatus, ResourceFacts, ScopeField } from '@tic/domain';
import { refuse, ScopedRepository, type Caller } from '@tic/platform';

import type { Platform } from './platform.entity';
import { PLATFORM_REFUSALS } from './platform.refusals';

export interface PlatformFilter {
  readonly kind?: PlatformKind;
  readonly status?: PlatformStatus;
  readonly name?: string;
  readonly cursor?: string;
}

/** Platforms in the caller's scope (DOMAIN.md §1), and the queries of the platform register. */
export class PlatformRepository extends ScopedRepository<Platform> {
  protected readonly kind = 'platform';

  /** A TIC is a `center` to the policy (A15–A17 give its supporting unit the director and committees). */
  facts(platform: Platform): ResourceFacts {
    return {
      kind: platform.kind === 'technology_innovation_center' ? 'center' : 'platform',
      supportingUnitId: platform.supportingUnitId,
      ...(platform.constructionUnitId === null ? {} : { constructionUnitId: platform.constructionUnitId }),
      ...(platform.recommenderId === null ? {} : { recommenderId: platform.recommenderId }),
      coBuilderIds: platform.coBuilderIds,
    };
  }

  /** A TIC of the registry (what committees and the compliance read are about), if the caller sees it. */
  async findVisibleCenter(id: string, caller: Caller): Promise<Platform> {
    const platform = await this.findVisible(id, caller);
    if (platform.kind !== 'technology_innovation_center') throw refuse(PLATFORM_REFUSALS.not_a_center);
    return platform;
  }

  /** The facts of the platform with this id (what hangs off a platform is decided on them). */
  async factsOf(id: string): Promise<ResourceFacts> {
    return this.facts(await this.findOneOrFail({ id }));
  }

  protected scopeCondition(field: ScopeField, value: string): FilterQuery<Platform> {
    return this.unitCondition(field, value) ?? this.noRows();
  }

  /** The ids of the platforms the caller sees: every one, or a list (a unit's or a recommender's few). */
  async visibleIds(caller: Caller): Promise<'all' | string[]> {
    const filter = await this.visibleFilter(caller);
    if (filter === null) return [];
    if (Object.keys(filter).length === 0) return 'all';
    return (await this.find(filter, { fields: ['id'] })).map((p) => p.id);
  }

  /** The ids of the platforms that one scope field ties to a value (for the scopes of what hangs off platforms). */
  async visibleIdsWhere(field: ScopeField, value: string): Promise<string[]> {
    return (await this.find(this.scopeCondition(field, value), { fields: ['id'] })).map((p) => p.id);
  }

  /** A platform of this kind registered under this name. */
  findByName(name: string, kind: PlatformKind): Promise<Platform | null> {
    return this.findOne({ name, kind });
  }

  /** Names of platforms by id. */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    return new Map(
      (await this.find({ id: { $in: [...new Set(ids)] } }, { fields: ['id', 'name'] })).map((p) => [p.id, p.name]),
    );
  }

  /** A page of the register in the given scope, newest first. */
  page(scope: FilterQuery<Platform>, filter: PlatformFilter, limit: number): Promise<Platform[]> {
    return this.find(
      {
        $and: [
          scope,
          filter.kind ? { kind: filter.kind } : {},
          filter.status ? { status: filter.status } : {},
          filter.name ? { name: { $ilike: `%${escapeLike(filter.name)}%` } } : {},
          filter.cursor ? { id: { $lt: filter.cursor } } : {},
        ],
      },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
  }
}

/** The text as a literal inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
