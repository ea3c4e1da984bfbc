import 'reflect-metadata';

import { join } from 'node:path';

import { loadConfig, runMigrationCli } from '@tic/platform';

import { notificationsConfigSchema } from '../config';
import { NOTIFICATIONS_ENTITIES } from '../entities';

// `npm run db:migrate -w @tic/notifications [-- create <name>]`: see runMigrationCli.
void runMigrationCli({
  databaseUrl: loadConfig(notificationsConfigSchema).DATABASE_URL,
  schema: 'notifications',
  entities: NOTIFICATIONS_ENTITIES,
  migrationsPath: join(__dirname, '..', 'migrations'),
  sourceMigrationsPath: join(__dirname, '..', '..', 'src', 'migrations'),
});
