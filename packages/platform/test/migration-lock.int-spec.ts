import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { createTestDatabase, type TestDatabase } from '@tic/testing';

import { openOrm, runMigrations } from '../src';

type Orm = Awaited<ReturnType<typeof openOrm>>;

const MIGRATIONS = join(__dirname, 'support', 'race-migrations');

describe('replicas of a service starting together on a database their migrations have not reached (real Postgres)', () => {
  let db: TestDatabase;
  const orms: Orm[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('migration_lock');
  });

  afterAll(async () => {
    for (const orm of orms) await orm.close();
    await db?.drop();
    // The migrator leaves its schema snapshot next to the migrations.
    rmSync(join(MIGRATIONS, '.snapshot-migration_race.json'), { force: true });
  });

  it('start, each of them: one applies the pending migrations, the others find them applied', async () => {
    for (let i = 0; i < 3; i += 1)
      orms.push(
        await openOrm({
          databaseUrl: db.url,
          schema: 'migration_race',
          entities: [],
          migrationsPath: MIGRATIONS,
        }),
      );

    const applied = await Promise.all(orms.map((orm) => runMigrations(orm, 'migration_race')));

    expect(applied.flat()).toEqual(['Migration20260101000000_race_probe']);
    const [row] = await orms[0]!.em
      .getConnection()
      .execute<{ count: string }[]>('select count(*) from "migration_race"."mikro_orm_migrations"');
    expect(row?.count).toBe('1');
  });
});
