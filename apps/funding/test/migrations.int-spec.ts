import 'reflect-metadata';

import { join } from 'node:path';

import { describeMigrationDrift } from '@tic/platform/testing';

import { FUNDING_ENTITIES } from '../src/entities';

describeMigrationDrift({
  schema: 'funding',
  entities: FUNDING_ENTITIES,
  migrationsPath: join(__dirname, '..', 'src', 'migrations'),
});
