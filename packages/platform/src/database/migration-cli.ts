import { MikroORM } from '@mikro-orm/postgresql';

import { ormConfig, runMigrations, type OrmConfigInput } from './orm-config';

export interface MigrationCliOptions {
  readonly databaseUrl: string;
  readonly schema: string;
  readonly entities: OrmConfigInput['entities'];
  /** The built migrations the service runs (`dist/migrations`). */
  readonly migrationsPath: string;
  /** Where `create` writes a new one (`src/migrations`). */
  readonly sourceMigrationsPath: string;
}

/**
 * A service's `db:migrate` command: with no argument it applies pending migrations (production runs
 * it before starting the service with MIGRATE_ON_START=false); `create <name>` writes a new migration
 * into src/migrations from the difference between the entities and the committed snapshot.
 */
export async function runMigrationCli(
  options: MigrationCliOptions,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  const [command = 'up', name] = argv;
  const creating = command === 'create';
  const migrationsPath = creating ? options.sourceMigrationsPath : options.migrationsPath;
  const orm = await MikroORM.init(
    ormConfig({ databaseUrl: options.databaseUrl, schema: options.schema, entities: options.entities, migrationsPath }),
  );
  try {
    if (creating) {
      await orm.em.getConnection().execute(`create schema if not exists "${options.schema}"`);
      const result = await orm.migrator.createMigration(migrationsPath, false, false, name);
      process.stdout.write(result.fileName ? `created ${result.fileName}\n` : 'no changes\n');
    } else {
      const applied = await runMigrations(orm, options.schema);
      process.stdout.write(applied.length > 0 ? `applied ${applied.join(', ')}\n` : 'schema up to date\n');
    }
  } finally {
    await orm.close();
  }
}
