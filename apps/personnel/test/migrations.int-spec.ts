import 'reflect-metadata';

import { join } from 'node:path';

import { describeMigrationDrift } from '@tic/platform/testing';

import { PERSONNEL_ENTITIES } from '../src/entities';

describeMigrationDrift({
  schema: 'personnel',
  entities: PERSONNEL_ENTITIES,
  migrationsPath: join(__dirname, '..', 'src', 'migrations'),
});
