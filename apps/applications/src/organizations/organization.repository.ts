import { EntityRepository } from '@mikro-orm/postgresql';

import type { OrganizationKind } from '@tic/domain';

import type { Organization } from './organization.entity';

export interface OrganizationFilter {
  readonly kind?: OrganizationKind;
  readonly isRecommender?: boolean;
  readonly q?: string;
  readonly cursor?: string;
}

/** The units of the platform, and the lookups applications and exports make of them. */
export class OrganizationRepository extends EntityRepository<Organization> {
  byIds(ids: readonly string[]): Promise<Organization[]> {
    return this.find({ id: { $in: [...ids] } });
  }

  /** The names of these units, by id (for exports and notices). */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map((await this.byIds(ids)).map((o) => [o.id, o.name]));
  }

  /** One page in id order. */
  page(filter: OrganizationFilter, limit: number): Promise<Organization[]> {
    return this.find(
      {
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.isRecommender === undefined ? {} : { isRecommender: filter.isRecommender }),
        ...(filter.q ? { name: { $ilike: `%${filter.q}%` } } : {}),
        ...(filter.cursor ? { id: { $gt: filter.cursor } } : {}),
      },
      { orderBy: { id: 'asc' }, limit: limit + 1 },
    );
  }
}
