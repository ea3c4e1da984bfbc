import { Entity, Property } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';

import {
  AggregateRoot,
  baseConfigSchema,
  EventOutbox,
  HistorySealer,
  newId,
  openOrm,
  UnitOfWork,
  verifyHistory,
  type HistoryVerification,
} from '../../src';
import { HistorySealKickSubscriber } from '../../src/integrity/history-seal-kick.subscriber';

export const SCHEMA = 'funding';

@Entity({ tableName: 'grant_file' })
export class GrantFile extends AggregateRoot {
  @Property({ type: 'text' }) title!: string;
}

/**
 * One replica of a service as far as history goes: its own connection pool, the kit's real unit of
 * work, and a sealer (woken after each commit when `kicked`, or drained by the test).
 */
export class HistoryReplica {
  readonly sealer: HistorySealer;
  private readonly unitOfWork: UnitOfWork;

  private constructor(
    readonly orm: MikroORM,
    kicked: boolean,
  ) {
    const config = baseConfigSchema.parse({ TIC_DEV: 'true', HTTP_PORT: '0' });
    this.unitOfWork = new UnitOfWork(orm.em, new EventOutbox(SCHEMA), config);
    this.sealer = new HistorySealer(orm, {
      schema: SCHEMA,
      pollIntervalMs: 60_000,
      batchSize: 50,
      gatherMs: 100,
      enabled: kicked,
    });
    if (kicked) new HistorySealKickSubscriber(orm, this.sealer).onModuleInit();
  }

  static async open(databaseUrl: string, kicked = false): Promise<HistoryReplica> {
    const orm = await openOrm({ databaseUrl, schema: SCHEMA, entities: [GrantFile], migrationsPath: __dirname });
    return new HistoryReplica(orm, kicked);
  }

  /** A command through the unit of work: files a grant and records it in the history. */
  file(title: string, comment: string): Promise<string> {
    return this.unitOfWork.run('test.grant.file', { title }, (scope) => {
      const grant = scope.em.create(GrantFile, { id: newId(), title });
      scope.em.persist(grant);
      scope.history(grant, {
        aggregateType: 'grant_file',
        action: 'grant.file',
        to: 'filed',
        comment,
        article: '第三十三条',
        findings: [{ rule: 'A33', details: { b: 2, a: 1 } } as never],
      });
      return Promise.resolve(grant.id);
    });
  }

  verify(now?: Date): Promise<HistoryVerification> {
    return verifyHistory(this.orm, SCHEMA, { unsealedAllowanceMs: 600_000, ...(now ? { now } : {}) });
  }

  async close(): Promise<void> {
    await this.sealer.beforeApplicationShutdown();
    await this.orm.close();
  }
}

/** A row of the chain by its sequence: what a tamperer would pick. */
export async function rowAt(orm: MikroORM, seq: number): Promise<{ id: string }> {
  const [row] = await orm.em
    .fork()
    .execute<{ id: string }[]>(`select id from ${SCHEMA}.history_entry where chain_seq = ?`, [seq]);
  if (row === undefined) throw new Error(`no row at ${seq}`);
  return row;
}
