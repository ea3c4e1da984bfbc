import 'reflect-metadata';

import { join } from 'node:path';

import { describeMigrationDrift } from '@tic/platform/testing';

import { EVALUATIONS_ENTITIES } from '../src/entities';

describeMigrationDrift({
  schema: 'evaluations',
  entities: EVALUATIONS_ENTITIES,
  migrationsPath: join(__dirname, '..', 'src', 'migrations'),
});
