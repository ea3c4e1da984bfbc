import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import { notFound, type ResourceFacts, type ResourceKind, type ScopeField } from '@tic/domain';
import {
  type AggregateRoot,
  type Caller,
  DirectoryCenter,
  directoryCenterFacts,
  requireAccess,
  RpcFailure,
  ScopedRepository,
} from '@tic/platform';

/** The ids of the centers in a city (a division code ending in 00), from the directory's region codes. */
export async function centersInCity(em: EntityManager, city: string): Promise<string[]> {
  const centers = await em.find(DirectoryCenter, { regionCode: { $like: `${city.slice(0, 4)}%` } }, { fields: ['id'] });
  return centers.map((c) => c.id);
}

/** The aggregates of a center's funds: seen as their center is, by the center's units (the kit's directory). */
export abstract class CenterScopedRepository<
  T extends AggregateRoot<string> & { centerId: string },
> extends ScopedRepository<T> {
  async facts(row: T): Promise<ResourceFacts> {
    return this.factsAs(this.kind, row);
  }

  async factsAs(kind: ResourceKind, row: T): Promise<ResourceFacts> {
    const center = await this.em.findOneOrFail(DirectoryCenter, { id: row.centerId });
    return directoryCenterFacts(kind, center);
  }

  protected scopeCondition(field: ScopeField, value: string): Promise<FilterQuery<T>> {
    return this.centerCondition(field, value);
  }

  /** The row locked for a command, if the caller may see it (as `kind`); otherwise 404, whether it exists or not. */
  async findVisibleForUpdate(id: string, caller: Caller, kind: ResourceKind = this.kind): Promise<T> {
    const row = await this.findForUpdate(id);
    if (row === null) throw RpcFailure.denied(notFound(kind));
    requireAccess(caller, `${kind}.read`, await this.factsAs(kind, row));
    return row;
  }

  /** The row if the caller may see it as `kind` (say an allocation's ledger); otherwise 404. */
  async findVisibleAs(id: string, caller: Caller, kind: ResourceKind): Promise<T> {
    const row = await this.findOne({ id } as FilterQuery<T>);
    if (row === null) throw RpcFailure.denied(notFound(kind));
    requireAccess(caller, `${kind}.read`, await this.factsAs(kind, row));
    return row;
  }
}
