import { EntityRepository } from '@mikro-orm/postgresql';

import type { LocalizedText } from '@tic/domain';

import { findForUpdate } from '../command/command-scope';
import type { AggregateRoot } from '../model/aggregate.entity';
import { assertVersion } from '../model/versioning';
import { RpcFailure } from '../rpc/rpc-failure';

/**
 * The base of an aggregate's repository (`@Entity({ repository: () => XRepository })`): loading by
 * id, locking for a command, and the named queries its subclass adds. Services hold no `em.find`.
 */
export abstract class AggregateRepository<T extends AggregateRoot<string>> extends EntityRepository<T> {
  /** The row locked until the transaction ends (select … for update); null when there is none. */
  findForUpdate(id: string): Promise<T | null> {
    return findForUpdate(this.getEntityManager(), this.getEntityName(), id);
  }

  /** The row locked for a command, at the version the client holds: 404 when it is gone, 409 when it moved on. */
  async lockAtVersion(id: string, expectedVersion: number | undefined, what: LocalizedText): Promise<T> {
    const row = await this.findForUpdate(id);
    if (row === null) throw RpcFailure.notFound(what);
    if (expectedVersion !== undefined) assertVersion(expectedVersion, row.version);
    return row;
  }
}
