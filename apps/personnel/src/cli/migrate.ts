import 'reflect-metadata';

import { join } from 'node:path';

import { loadConfig, runMigrationCli } from '@tic/platform';

import { personnelConfigSchema } from '../config';
import { PERSONNEL_ENTITIES } from '../entities';

// `npm run db:migrate -w @tic/personnel [-- create <name>]`: see runMigrationCli.
void runMigrationCli({
  databaseUrl: loadConfig(personnelConfigSchema).DATABASE_URL,
  schema: 'personnel',
  entities: PERSONNEL_ENTITIES,
  migrationsPath: join(__dirname, '..', 'migrations'),
  sourceMigrationsPath: join(__dirname, '..', '..', 'src', 'migrations'),
});
