import { join } from 'node:path';

import type { MikroORM } from '@mikro-orm/postgresql';

import { openOrm } from '@tic/platform';
import type { TestDatabase } from '@tic/testing';

import { APPLICATIONS_ENTITIES } from '../src/entities';

/**
 * The applications schema as a migration left it, for a test of the migrations after it on data of
 * that time. The caller closes the ORM.
 */
export async function schemaAt(db: TestDatabase, migration: string): Promise<MikroORM> {
  const orm = await openOrm({
    databaseUrl: db.url,
    schema: 'applications',
    entities: APPLICATIONS_ENTITIES,
    migrationsPath: join(__dirname, '..', 'src', 'migrations'),
  });
  try {
    await orm.em.getConnection().execute('create schema if not exists "applications"');
    await orm.migrator.up({ to: migration });
    return orm;
  } catch (error) {
    await orm.close();
    throw error;
  }
}
