import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

import { MikroORM } from '@mikro-orm/postgresql';
import type { INestApplication } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { Redis } from 'ioredis';

import {
  bootstrapService,
  CallerAssertionSigner,
  developmentSigningKey,
  ormConfig,
  RpcClient,
  runMigrations,
} from '@tic/platform';
import { AppModule } from '@tic/personnel/dist/app.module';
import { personnelConfigSchema, type PersonnelConfig } from '@tic/personnel/dist/config';
import { PERSONNEL_ENTITIES } from '@tic/personnel/dist/entities';
import { IdentityNumbers } from '@tic/personnel/dist/identity/identity-numbers';
import { createTestDatabase, startNatsServer, type TestDatabase } from '@tic/testing';

/** Things to undo, last first, whether the benchmark ends, fails or is interrupted. */
export class Cleanup {
  private readonly steps: { label: string; run: () => Promise<unknown> }[] = [];
  private running: Promise<void> | undefined;

  add(label: string, run: () => Promise<unknown>): void {
    this.steps.push({ label, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const { label, run } of this.steps.reverse()) {
        try {
          await run();
        } catch (error) {
          process.stderr.write(`cleanup: ${label} failed: ${error instanceof Error ? error.message : String(error)}\n`);
        }
      }
    })();
    return this.running;
  }
}

export interface Infrastructure {
  readonly db: TestDatabase;
  readonly config: PersonnelConfig;
  /** The service's own class, with the keys it will run with: seeded hashes are the ones it looks up. */
  readonly identityNumbers: IdentityNumbers;
}

/** A fresh database with the personnel migrations applied, a private NATS, and a Redis key prefix of its own. */
export async function startInfrastructure(cleanup: Cleanup): Promise<Infrastructure> {
  const db = await createTestDatabase('bench_personnel');
  cleanup.add(`drop database ${db.name}`, () => db.drop());
  const nats = await startNatsServer();
  cleanup.add('stop nats-server', () => nats.stop());
  // The development keys unless the environment sets others, as `npm start` would run.
  const config = personnelConfigSchema.parse({
    ...definedOnly({
      PERSONNEL_ID_ENCRYPTION_KEYS: process.env.PERSONNEL_ID_ENCRYPTION_KEYS,
      PERSONNEL_ID_HMAC_KEY: process.env.PERSONNEL_ID_HMAC_KEY,
    }),
    TIC_DEV: '1',
    DATABASE_URL: db.url,
    NATS_URL: nats.url,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
    // One user checks some 110,000 lines here: the quota is still spent on every check, never reached.
    PERSONNEL_QUOTA_ROSTER_LINES_PER_DAY: '2000000000',
  });
  cleanup.add(`delete Redis keys ${config.QUEUE_PREFIX}:*`, () =>
    deleteKeys(config.REDIS_URL, `${config.QUEUE_PREFIX}:*`),
  );

  const migrationsPath = join(dirname(require.resolve('@tic/personnel/dist/app.module')), 'migrations');
  const orm = await MikroORM.init(
    ormConfig({ databaseUrl: db.url, schema: 'personnel', entities: PERSONNEL_ENTITIES, migrationsPath }),
  );
  try {
    await runMigrations(orm, 'personnel');
  } finally {
    await orm.close();
  }
  const identityNumbers = new IdentityNumbers({
    encryption: config.PERSONNEL_ID_ENCRYPTION_KEYS,
    hmac: config.PERSONNEL_ID_HMAC_KEY,
  });
  return { db, config, identityNumbers };
}

/** The personnel service in this process, as `npm start` runs it, and a NATS client as the gateway holds one. */
export async function startService(
  config: PersonnelConfig,
  cleanup: Cleanup,
): Promise<{ app: INestApplication; rpc: RpcClient }> {
  const app = await bootstrapService(AppModule.forRoot(config), 'personnel', config);
  cleanup.add('close the service', () => app.close());
  // Signed with the gateway's development key, which the service trusts outside production.
  const rpc = new RpcClient(
    ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [config.NATS_URL] } }),
    { ms: 10_000, bulkMs: 60_000 },
    new CallerAssertionSigner(developmentSigningKey('gateway')),
  );
  cleanup.add('close the NATS client', () => rpc.onApplicationShutdown());
  return { app, rpc };
}

/** Removes a run's Redis keys (its queue prefix), so that a benchmark leaves Redis as it found it. */
export async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
