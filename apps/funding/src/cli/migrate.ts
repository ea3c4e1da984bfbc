import 'reflect-metadata';

import { join } from 'node:path';

import { loadConfig, runMigrationCli } from '@tic/platform';

import { fundingConfigSchema } from '../config';
import { FUNDING_ENTITIES } from '../entities';

// `npm run db:migrate -w @tic/funding [-- create <name>]`: see runMigrationCli.
void runMigrationCli({
  databaseUrl: loadConfig(fundingConfigSchema).DATABASE_URL,
  schema: 'funding',
  entities: FUNDING_ENTITIES,
  migrationsPath: join(__dirname, '..', 'migrations'),
  sourceMigrationsPath: join(__dirname, '..', '..', 'src', 'migrations'),
});
