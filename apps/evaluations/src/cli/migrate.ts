import 'reflect-metadata';

import { join } from 'node:path';

import { loadConfig, runMigrationCli } from '@tic/platform';

import { evaluationsConfigSchema } from '../config';
import { EVALUATIONS_ENTITIES } from '../entities';

// `npm run db:migrate -w @tic/evaluations [-- create <name>]`: see runMigrationCli.
void runMigrationCli({
  databaseUrl: loadConfig(evaluationsConfigSchema).DATABASE_URL,
  schema: 'evaluations',
  entities: EVALUATIONS_ENTITIES,
  migrationsPath: join(__dirname, '..', 'migrations'),
  sourceMigrationsPath: join(__dirname, '..', '..', 'src', 'migrations'),
});
