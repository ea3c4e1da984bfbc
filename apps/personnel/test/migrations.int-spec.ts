import 'reflect-metadata';

import { MikroORM } from '@mikro-orm/postgresql';
import { join } from 'node:path';

import { ormConfig, runMigrations } from '@tic/platform';
import { createTestDatabase, type TestDatabase } from '@tic/testing';

import { PERSONNEL_ENTITIES } from '../src/entities';

describe('the committed migrations of the personnel schema', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase('migrations');
    orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, schema: 'personnel', entities: PERSONNEL_ENTITIES, migrationsPath: join(__dirname, '..', 'src', 'migrations') }));
  });

  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  it('build exactly the schema the entities describe (run `npm run db:migrate -w @tic/personnel -- create <name>` when this fails)', async () => {
    expect((await runMigrations(orm, 'personnel')).length).toBeGreaterThan(0);
    const drift = await orm.schema.getUpdateSchemaSQL({ wrap: false, schema: 'personnel' });
    expect(drift.trim()).toBe('');
  });

  it('apply once: a second run has nothing to do', async () => {
    expect(await runMigrations(orm, 'personnel')).toEqual([]);
  });
});
