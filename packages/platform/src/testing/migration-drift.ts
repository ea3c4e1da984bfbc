/// <reference types="jest" />
import { MikroORM } from '@mikro-orm/core';

import { createTestDatabase, type TestDatabase } from '@tic/testing';

import { ormConfig, runMigrations, type OrmConfigInput } from '../database/orm-config';

export interface MigrationDriftOptions {
  /** The service's schema (its name). */
  readonly schema: string;
  readonly entities: OrmConfigInput['entities'];
  /** The committed migrations as sources (`src/migrations`). */
  readonly migrationsPath: string;
}

/**
 * The migrations spec every service has: its committed migrations build exactly the schema its
 * entities (and the platform's) describe, and apply once.
 */
export function describeMigrationDrift(options: MigrationDriftOptions): void {
  describe(`the committed migrations of the ${options.schema} schema`, () => {
    let db: TestDatabase;
    let orm: MikroORM;

    beforeAll(async () => {
      db = await createTestDatabase(`migrations_${options.schema}`);
      orm = await MikroORM.init(
        ormConfig({
          databaseUrl: db.url,
          schema: options.schema,
          entities: options.entities,
          migrationsPath: options.migrationsPath,
        }),
      );
    });

    afterAll(async () => {
      await orm.close();
      await db.drop();
    });

    it(`build exactly the schema the entities describe (run \`npm run db:migrate -w @tic/${options.schema} -- create <name>\` when this fails)`, async () => {
      expect((await runMigrations(orm, options.schema)).length).toBeGreaterThan(0);
      const drift = await orm.schema.getUpdateSchemaSQL({ wrap: false, schema: options.schema });
      expect(drift.trim()).toBe('');
    });

    it('apply once: a second run has nothing to do', async () => {
      expect(await runMigrations(orm, options.schema)).toEqual([]);
    });
  });
}
