import { Migrator } from '@mikro-orm/migrations';
import { MikroORM as PgMikroORM, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
// The core type: MikroORM.init() hands out the core class, whichever driver it starts.
import type { MikroORM } from '@mikro-orm/core';

import { HistoryEntry } from '../command/history-entry.entity';
import { IdempotencyRecord } from '../command/idempotency-record.entity';
import { EVENT_CONSUMER_ENTITIES } from '../events/event-consumer';
import { OutboxEvent } from '../events/outbox-event.entity';
import { HistoryAnchor } from '../integrity/history-anchor.entity';
import { HistoryChainHead } from '../integrity/history-chain-head.entity';

export interface OrmConfigInput {
  readonly databaseUrl: string;
  /** The service's own schema; no service reads another's tables. */
  readonly schema: string;
  readonly entities: readonly (new (...args: never[]) => object)[];
  /** Folder of the migrations next to the running code (`dist/migrations`, or `src/migrations` in tests). */
  readonly migrationsPath: string;
  readonly debug?: boolean;
}

/**
 * Platform tables every service keeps in its schema: the outbox/journal, the inbox and parked events,
 * the commands' idempotency records and the aggregates' history with its chain head and day anchors.
 */
export const PLATFORM_ENTITIES = [
  OutboxEvent,
  ...EVENT_CONSUMER_ENTITIES,
  IdempotencyRecord,
  HistoryEntry,
  HistoryChainHead,
  HistoryAnchor,
];

/** MikroORM options for a service: its schema, its entities plus the platform's, committed migrations. */
export function ormConfig(input: OrmConfigInput): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl: input.databaseUrl,
    schema: input.schema,
    entities: [...PLATFORM_ENTITIES, ...input.entities],
    extensions: [Migrator],
    debug: input.debug ?? false,
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    migrations: {
      // Compiled .js under dist in production, .ts sources when tests run from src.
      path: input.migrationsPath,
      glob: '!(*.d).{js,ts}',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      emit: 'ts',
      snapshotName: `.snapshot-${input.schema}`,
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
  };
}

/**
 * Creates the schema if needed and applies pending migrations; returns their names. Replicas of a
 * service start together (a deployment, `npm start` with replicas): each takes the schema's migration
 * lock first, so that one applies what is pending and the others, once it has committed, find nothing
 * left; run at once, the second died on "duplicate key value violates pg_type_typname_nsp_index".
 * The lock is held by a transaction of its own while the migrator runs on other connections of the pool.
 */
export async function runMigrations(orm: MikroORM, schema: string): Promise<string[]> {
  const connection = orm.em.getConnection();
  return connection.transactional(async (lock) => {
    await connection.execute('select pg_advisory_xact_lock(hashtext(?))', [`${schema}.migrations`], 'all', lock);
    await connection.execute(`create schema if not exists "${schema}"`);
    const applied = await orm.migrator.up();
    return applied.map((m) => m.name);
  });
}

/**
 * Starts MikroORM on PostgreSQL for code that builds its own (tests, benchmarks, command-line tools)
 * and hands it out with the PostgreSQL type that the relay and consumers take (MikroORM.init constructs
 * the PostgreSQL class but declares the core one).
 */
export async function openOrm(input: OrmConfigInput): Promise<PgMikroORM> {
  return PgMikroORM.init(ormConfig(input));
}
