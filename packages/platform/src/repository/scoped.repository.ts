import type { FilterQuery } from '@mikro-orm/core';

import {
  isUnitScopeField,
  listScope,
  notFound,
  type ResourceFacts,
  type ResourceKind,
  type ScopeField,
} from '@tic/domain';

import { requireAccess } from '../access/require-access';
import { centerIdsTiedTo } from '../center-directory/center-scope';
import type { Caller } from '../context/call-context';
import type { AggregateRoot } from '../model/aggregate.entity';
import { RpcFailure } from '../rpc/rpc-failure';
import { AggregateRepository } from './aggregate.repository';

/**
 * A repository whose reads are in the caller's scope, decided by the domain's policy: a single read
 * passes `can(caller, '<kind>.read', facts)` or is a 404, and lists are filtered by `listScope`, so
 * that both come from the same table.
 */
export abstract class ScopedRepository<T extends AggregateRoot<string>> extends AggregateRepository<T> {
  /** The kind the policy knows this aggregate as. */
  protected abstract readonly kind: ResourceKind;

  /** The facts about a row the policy decides on (for some aggregates, those of its parent). */
  abstract facts(row: T): ResourceFacts | Promise<ResourceFacts>;

  /** The rows whose `field` ties them to `value` (an organization or a user), as a query condition. */
  protected abstract scopeCondition(field: ScopeField, value: string): FilterQuery<T> | Promise<FilterQuery<T>>;

  /**
   * The condition for the unit columns that applications, centers and platforms all carry
   * (`supportingUnitId`, `constructionUnitId`, `recommenderId`, `coBuilderIds`); null for another field.
   */
  protected unitCondition(field: ScopeField, value: string): FilterQuery<T> | null {
    if (!isUnitScopeField(field)) return null;
    return (field === 'coBuilderIds' ? { coBuilderIds: { $contains: [value] } } : { [field]: value }) as FilterQuery<T>;
  }

  /**
   * For an aggregate of a center (a `centerId` column) seen as its center is: the rows of the centers
   * the field ties to `value`, from the kit's center directory.
   */
  protected async centerCondition(field: ScopeField, value: string): Promise<FilterQuery<T>> {
    const ids = await centerIdsTiedTo(this.em, field, value);
    return ids === null ? this.noRows() : ({ centerId: { $in: ids } } as unknown as FilterQuery<T>);
  }

  /** A condition no row meets, for a scope field this aggregate does not carry. */
  protected noRows(): FilterQuery<T> {
    return { id: { $in: [] } } as FilterQuery<T>;
  }

  /** The row if the caller may see it; otherwise 404, whether it exists or not. */
  async findVisible(id: string, caller: Caller): Promise<T> {
    const row = await this.findOne({ id } as FilterQuery<T>);
    // The same refusal as for a row outside the scope, to the letter: existence must not leak.
    if (row === null) throw RpcFailure.denied(notFound(this.kind));
    requireAccess(caller, `${this.kind}.read`, await this.facts(row));
    return row;
  }

  /** The filter of the rows the caller sees (`{}` for all), or null when it sees none. */
  async visibleFilter(caller: Caller): Promise<FilterQuery<T> | null> {
    const scope = listScope(caller, this.kind);
    if ('all' in scope) return {};
    if ('none' in scope) return null;
    // A grant by status is made only for kinds whose rows carry a `status` column (applications).
    if ('statusIn' in scope) return { status: { $in: [...scope.statusIn] } } as unknown as FilterQuery<T>;
    const conditions: FilterQuery<T>[] = [];
    for (const { field, equals } of scope.anyOf) conditions.push(await this.scopeCondition(field, equals));
    return { $or: conditions } as FilterQuery<T>;
  }
}
