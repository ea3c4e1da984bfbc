import 'reflect-metadata';

import { MikroORM } from '@mikro-orm/postgresql';
import { type INestApplication, Module } from '@nestjs/common';
import { Client } from 'pg';

import {
  Clock,
  DEADLINE_ENTITIES,
  DeadlineJobs,
  DeadlinesModule,
  fallsDueAt,
  REDIS_HEALTH_CHECK,
  redisHealthCheckProvider,
  shanghaiDate,
  type DueDateSource,
} from '@tic/deadlines';
import { addDays } from '@tic/domain';
import { baseConfigSchema, bootstrapService, ormConfig, PlatformModule } from '@tic/platform';

// A service that owns deadlines; the benchmark runs the platform spine and DeadlinesModule as it does.
export const SERVICE = 'evaluations';

/**
 * A clock that runs at the machine's pace from an instant the benchmark sets: moved to a few seconds
 * before midnight in Asia/Shanghai, the deadlines due that day fall due a few seconds later in real
 * time. Due decisions take this clock's date, as the tests' ManualClock does.
 */
export class BenchClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  override dueDateSource(): DueDateSource {
    return { kind: 'fixed', date: this.today() };
  }

  /** Moves the clock so that the day after `today()` begins in `leadMs`; returns the date now due. */
  midnightIn(leadMs: number): string {
    const today = this.today();
    this.offsetMs += fallsDueAt(today).getTime() - leadMs - this.now().getTime();
    return shanghaiDate(this.now());
  }
}

export interface DeadlinesWorld {
  readonly app: INestApplication;
  readonly jobs: DeadlineJobs;
  readonly orm: MikroORM;
}

/** The deadlines' tables (and the platform's: outbox, history) straight from the entities. */
export async function createTables(databaseUrl: string): Promise<void> {
  const orm = await MikroORM.init(
    ormConfig({ databaseUrl, schema: SERVICE, entities: DEADLINE_ENTITIES, migrationsPath: __dirname }),
  );
  await orm.schema.createSchema({ schema: SERVICE });
  await orm.close();
}

/**
 * `count` pending deadlines due on `dueOn`, written straight into the table (as the owner's commands
 * would have over months), with no reminders left to send; returns their ids.
 */
export async function insertPending(databaseUrl: string, count: number, dueOn: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `insert into ${SERVICE}.deadline (id, kind, subject_id, start_on, length, due_on, provisional,
         reminder_days_before, state, version, event_version, created_at)
       select gen_random_uuid(), 'D-director-filing', gen_random_uuid(), $2::date - 30,
              jsonb_build_object('kind', 'given_end', 'endsOn', $2::text), $2::date, false, '[]'::jsonb,
              'pending', 1, 0, now()
         from generate_series(1, $1::int)
       returning id`,
      [count, dueOn],
    );
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

/** The platform spine plus DeadlinesModule, in this process, with the benchmark's clock. */
export async function startDeadlinesService(options: {
  databaseUrl: string;
  natsUrl: string;
  redisUrl: string;
  clock: BenchClock;
  concurrency?: number;
}): Promise<DeadlinesWorld> {
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
        version: 'bench',
        config,
        database: { entities: DEADLINE_ENTITIES, migrationsPath: __dirname },
        healthChecks: [redisHealthCheckProvider(options.redisUrl)],
        healthCheckTokens: [REDIS_HEALTH_CHECK],
      }),
      // The production sweep interval: the wake-ups are what is measured, not the sweep.
      DeadlinesModule.forService({
        service: SERVICE,
        redisUrl: options.redisUrl,
        clock: options.clock,
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      }),
    ],
  })
  class BenchDeadlinesModule {}

  const app = await bootstrapService(BenchDeadlinesModule, SERVICE, config);
  return { app, jobs: app.get(DeadlineJobs), orm: app.get(MikroORM) };
}

/** The date `days` after the clock's today. */
export const daysAfter = (clock: Clock, days: number) => addDays(clock.today(), days);
