import { LockMode } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';

import type { OrganizationKind, OrganizationLink } from '@tic/domain';

import type { Application } from '../applications/application.entity';
import type { Organization } from './organization.entity';

export interface OrganizationFilter {
  readonly kind?: OrganizationKind;
  readonly isRecommender?: boolean;
  readonly q?: string;
  readonly cursor?: string;
}

/** The units of the platform, and the lookups applications and exports make of them. */
export class OrganizationRepository extends EntityRepository<Organization> {
  byId(id: string): Promise<Organization | null> {
    return this.findOne({ id });
  }

  /** The application's supporting unit, which the application's rules read (A7, A10). */
  supportingUnitOf(application: Pick<Application, 'supportingUnitId'>): Promise<Organization> {
    return this.findOneOrFail({ id: application.supportingUnitId });
  }

  byIds(ids: readonly string[]): Promise<Organization[]> {
    return this.find({ id: { $in: [...ids] } });
  }

  /** The unit and every unit above it in the registry's hierarchy, nearest first (a cycle ends the walk). */
  async lineOf(id: string): Promise<string[]> {
    const line: string[] = [];
    for (let next: string | null = id; next !== null && !line.includes(next);) {
      const unit: Organization | null = await this.byId(next);
      if (unit === null) break;
      line.push(unit.id);
      next = unit.parentId;
    }
    return line;
  }

  /** Every unit with the unit above it: the registry's hierarchy, which 回避 walks up and down. */
  async hierarchy(): Promise<OrganizationLink[]> {
    const rows = await this.findAll({ fields: ['id', 'parentId'] });
    return rows.map((o) => ({ id: o.id, parentId: o.parentId }));
  }

  /** The names of these units, by id (for exports and notices). */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map((await this.byIds(ids)).map((o) => [o.id, o.name]));
  }

  /**
   * The units no tic.organization.registered has announced yet, oldest first, locked for the caller's
   * transaction; rows another transaction is announcing are skipped, not waited for.
   */
  unannounced(): Promise<Organization[]> {
    return this.find(
      { announcedAt: null },
      { orderBy: { createdAt: 'asc', id: 'asc' }, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
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
