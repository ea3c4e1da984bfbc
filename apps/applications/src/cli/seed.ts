import 'reflect-metadata';

import { MikroORM } from '@mikro-orm/postgresql';
import { join } from 'node:path';

import { EventOutbox, loadConfig, ormConfig } from '@tic/platform';

import { applicationsConfigSchema } from '../config';
import { APPLICATIONS_ENTITIES } from '../entities';
import { announceOrganizations } from '../organizations/organization-announcer';
import { seedDemo, seedRecommendingUnits } from '../seed/seed';

// `npm run seed -w @tic/applications [-- --demo]`: Liaoning's recommending units (always) and a demo set.
async function main(): Promise<void> {
  const config = loadConfig(applicationsConfigSchema);
  const orm = await MikroORM.init(
    ormConfig({
      databaseUrl: config.DATABASE_URL,
      schema: 'applications',
      entities: APPLICATIONS_ENTITIES,
      migrationsPath: join(__dirname, '..', 'migrations'),
    }),
  );
  try {
    const em = orm.em.fork();
    const recommenders = await seedRecommendingUnits(em);
    process.stdout.write(`recommending units: ${recommenders}\n`);
    if (process.argv.includes('--demo')) {
      const { units, experts } = await seedDemo(em);
      process.stdout.write(`demo units: ${units}, demo experts: ${experts}\n`);
    }
    // The upserts write no outbox rows: the units reach the other services (personnel) as events.
    const announced = await announceOrganizations(orm.em, new EventOutbox('applications'));
    process.stdout.write(`organizations announced: ${announced}\n`);
  } finally {
    await orm.close();
  }
}

void main();
