import 'reflect-metadata';

import { MikroORM } from '@mikro-orm/postgresql';
import { type INestApplication, Module } from '@nestjs/common';
import { Redis } from 'ioredis';
import { register } from 'prom-client';

import {
  baseConfigSchema,
  bootstrapService,
  eventConsumersProvider,
  ormConfig,
  OutboxEvent,
  PlatformModule,
} from '@tic/platform';

import {
  calendarSubscription,
  DEADLINE_ENTITIES,
  DeadlineJobs,
  Deadlines,
  DeadlinesModule,
  REDIS_HEALTH_CHECK,
  redisHealthCheckProvider,
  type Clock,
  type ScheduleDeadline,
} from '../src';

const SERVICE = 'evaluations';

export interface ServiceUnderTest {
  readonly app: INestApplication;
  readonly deadlines: Deadlines;
  readonly jobs: DeadlineJobs;
  readonly orm: MikroORM;
  /** Schedules in a transaction of its own, as a service's use case would with its own change. */
  schedule(input: ScheduleDeadline): Promise<{ id: string; dueOn: string; provisional: boolean }>;
  /** The outbox rows of one deadline: what the relay publishes, exactly once each. */
  eventsOf(deadlineId: string): Promise<OutboxEvent[]>;
}

/** Creates the service's tables straight from the entities: these tests are about behaviour, not migrations. */
export async function createTables(databaseUrl: string): Promise<void> {
  const orm = await MikroORM.init(
    ormConfig({ databaseUrl, schema: SERVICE, entities: DEADLINE_ENTITIES, migrationsPath: __dirname }),
  );
  await orm.schema.createSchema({ schema: SERVICE });
  await orm.close();
}

/**
 * A tiny evaluations service: the platform spine plus DeadlinesModule and the calendar consumer.
 * Several may run in one process (replicas): each start clears prom-client's global registry.
 */
export async function startService(options: {
  databaseUrl: string;
  natsUrl: string;
  redisUrl: string;
  prefix: string;
  clock: Clock;
}): Promise<ServiceUnderTest> {
  const config = baseConfigSchema.parse({
    DATABASE_URL: options.databaseUrl,
    NATS_URL: options.natsUrl,
    HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
    MIGRATE_ON_START: 'false',
  });

  @Module({
    imports: [
      PlatformModule.forService({
        service: SERVICE,
        version: 'test',
        config,
        database: { entities: DEADLINE_ENTITIES, migrationsPath: __dirname },
        healthChecks: [redisHealthCheckProvider(options.redisUrl)],
        healthCheckTokens: [REDIS_HEALTH_CHECK],
      }),
      DeadlinesModule.forService({
        service: SERVICE,
        redisUrl: options.redisUrl,
        prefix: options.prefix,
        sweepIntervalMs: 0,
        clock: options.clock,
      }),
    ],
    providers: [
      eventConsumersProvider({
        service: SERVICE,
        inject: [Deadlines],
        subscriptions: (deadlines: Deadlines) => [calendarSubscription(deadlines)],
      }),
    ],
  })
  class TestServiceModule {}

  register.clear(); // the platform's metrics live in prom-client's global registry
  const app = await bootstrapService(TestServiceModule, SERVICE, config);
  const orm = app.get<MikroORM>(MikroORM);
  const deadlines = app.get(Deadlines);
  return {
    app,
    deadlines,
    jobs: app.get(DeadlineJobs),
    orm,
    schedule: (input) => orm.em.fork().transactional((em) => deadlines.schedule(em, input)),
    eventsOf: (deadlineId) => orm.em.fork().find(OutboxEvent, { subject: deadlineId }, { orderBy: { seq: 'asc' } }),
  };
}

/** Removes every key under a test's prefix, so that runs leave nothing behind in the shared Redis. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}
