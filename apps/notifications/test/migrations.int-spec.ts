import 'reflect-metadata';

import { join } from 'node:path';

import { describeMigrationDrift } from '@tic/platform/testing';

import { NOTIFICATIONS_ENTITIES } from '../src/entities';

describeMigrationDrift({
  schema: 'notifications',
  entities: NOTIFICATIONS_ENTITIES,
  migrationsPath: join(__dirname, '..', 'src', 'migrations'),
});
