import 'reflect-metadata';

import { join } from 'node:path';

import { describeMigrationDrift } from '@tic/platform/testing';

import { APPLICATIONS_ENTITIES } from '../src/entities';

describeMigrationDrift({
  schema: 'applications',
  entities: APPLICATIONS_ENTITIES,
  migrationsPath: join(__dirname, '..', 'src', 'migrations'),
});
