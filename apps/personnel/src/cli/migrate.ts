import 'reflect-metadata';

import { MikroORM } from '@mikro-orm/postgresql';
import { join } from 'node:path';

import { loadConfig, ormConfig, runMigrations } from '@tic/platform';

import { personnelConfigSchema } from '../config';
import { PERSONNEL_ENTITIES } from '../entities';

// `npm run db:migrate -w @tic/personnel` applies pending migrations (production runs this before
// starting the service with MIGRATE_ON_START=false). `-- create <name>` writes a new migration into
// src/migrations from the difference between the entities and the committed snapshot.
async function main(): Promise<void> {
  const [command = 'up', name] = process.argv.slice(2);
  const config = loadConfig(personnelConfigSchema);
  const creating = command === 'create';
  const migrationsPath = creating ? join(__dirname, '..', '..', 'src', 'migrations') : join(__dirname, '..', 'migrations');
  const orm = await MikroORM.init(ormConfig({ databaseUrl: config.DATABASE_URL, schema: 'personnel', entities: PERSONNEL_ENTITIES, migrationsPath }));
  try {
    if (creating) {
      await orm.em.getConnection().execute('create schema if not exists "personnel"');
      const result = await orm.migrator.createMigration(migrationsPath, false, false, name);
      process.stdout.write(result.fileName ? `created ${result.fileName}\n` : 'no changes\n');
    } else {
      const applied = await runMigrations(orm, 'personnel');
      process.stdout.write(applied.length > 0 ? `applied ${applied.join(', ')}\n` : 'schema up to date\n');
    }
  } finally {
    await orm.close();
  }
}

void main();
