import 'reflect-metadata';

import { join } from 'node:path';

import { loadConfig, runMigrationCli } from '@tic/platform';

import { applicationsConfigSchema } from '../config';
import { APPLICATIONS_ENTITIES } from '../entities';

// `npm run db:migrate -w @tic/applications [-- create <name>]`: see runMigrationCli.
void runMigrationCli({
  databaseUrl: loadConfig(applicationsConfigSchema).DATABASE_URL,
  schema: 'applications',
  entities: APPLICATIONS_ENTITIES,
  migrationsPath: join(__dirname, '..', 'migrations'),
  sourceMigrationsPath: join(__dirname, '..', '..', 'src', 'migrations'),
});
