/// <reference types="jest" />
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';

import type { RpcDefinition, ServiceName } from '@tic/contracts';
import { createTestDatabase, startNatsServer, type TestDatabase, type TestNatsServer } from '@tic/testing';

import { bootstrapService } from '../bootstrap/bootstrap-service';
import type { BaseConfig } from '../config/config';
import type { Caller, CallContext } from '../context/call-context';
import { ormConfig, runMigrations, type OrmConfigInput } from '../database/orm-config';
import type { RpcClient } from '../rpc/rpc-client';
import { testRpcClient } from './test-rpc-client';

export interface RunningServiceOptions<S extends z.ZodType<BaseConfig>> {
  /** Names the test database. */
  readonly label: string;
  readonly service: ServiceName;
  readonly configSchema: S;
  /** The service's module for a configuration (a test passes its manual clock in here). */
  readonly module: (config: z.output<S>) => DynamicModule;
  readonly entities: OrmConfigInput['entities'];
  /** The service's migrations as sources (`src/migrations`). */
  readonly migrationsPath: string;
  /** Settings on top of the fresh database, the private NATS and the shared Redis. */
  readonly env?: Record<string, string>;
  /** How long a test's request waits for the service (default 10 s). */
  readonly rpcTimeoutMs?: number;
  /**
   * The private nats-server runs the platform's users and permissions (infra/nats/users.conf), the
   * service connecting as its own user and the test's client as the gateway (default true). A test of
   * the kit itself, whose service has subscriptions users.conf does not name, turns it off.
   */
  readonly natsUsers?: boolean;
}

/** A service running in the test's process, on a fresh database and a private nats-server. */
export interface RunningService<C> {
  readonly rpc: RpcClient;
  readonly app: INestApplication;
  readonly nats: TestNatsServer;
  readonly db: TestDatabase;
  readonly config: C;
  /** Calls an operation as a caller (and, say, with an Idempotency-Key), signed as the gateway signs it. */
  call<D extends RpcDefinition>(
    definition: D,
    payload: z.input<D['request']>,
    caller?: Caller,
    context?: Partial<CallContext>,
  ): Promise<z.output<D['response']>>;
  /** Runs SQL against the service's database, to look at what is stored. */
  sql(query: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

/**
 * Starts the service before the test file's tests (migrations applied from the sources) and stops
 * it, its NATS and its database after them. Deadlines get a unique Redis prefix per run.
 */
export function runningService<S extends z.ZodType<BaseConfig>>(
  options: RunningServiceOptions<S>,
): RunningService<z.output<S>> {
  const running: {
    rpc?: RpcClient;
    app?: INestApplication;
    nats?: TestNatsServer;
    db?: TestDatabase;
    config?: z.output<S>;
  } = {};
  beforeAll(async () => {
    const [db, nats] = await Promise.all([
      createTestDatabase(options.label),
      startNatsServer({ platformUsers: options.natsUsers ?? true }),
    ]);
    Object.assign(running, { db, nats });
    const config = options.configSchema.parse({
      DATABASE_URL: db.url,
      ...nats.userEnv(options.service),
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
      HTTP_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      MIGRATE_ON_START: 'false',
      // The test kit asks for development behaviour (development keys); a deployment never does.
      TIC_DEV: '1',
      ...options.env,
    });
    const orm = await MikroORM.init(
      ormConfig({
        databaseUrl: db.url,
        schema: options.service,
        entities: options.entities,
        migrationsPath: options.migrationsPath,
      }),
    );
    try {
      await runMigrations(orm, options.service);
    } finally {
      await orm.close();
    }
    running.config = config;
    running.app = await bootstrapService(options.module(config), options.service, config);
    running.rpc = testRpcClient(nats, options.rpcTimeoutMs === undefined ? {} : { timeoutMs: options.rpcTimeoutMs });
  }, 90_000);
  afterAll(async () => {
    await running.rpc?.onApplicationShutdown();
    await running.app?.close();
    await running.nats?.stop();
    await running.db?.drop();
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the service is not running yet (use it inside a test or hook)');
    return value;
  };
  return {
    get rpc() {
      return need(running.rpc);
    },
    get app() {
      return need(running.app);
    },
    get nats() {
      return need(running.nats);
    },
    get db() {
      return need(running.db);
    },
    get config() {
      return need(running.config);
    },
    call: (definition, payload, caller, context = {}) =>
      need(running.rpc).request(definition, payload, { ...context, ...(caller ? { caller } : {}) }),
    sql: (query, params = []) =>
      need(running.app).get(EntityManager).getConnection().execute<Record<string, unknown>[]>(query, params, 'all'),
  };
}
