import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import {
  createTestDatabase,
  freePort,
  startNatsServer,
  startRedisServer,
  startServiceProcess,
  type ServiceProcess,
  type TestDatabase,
  type TestNatsServer,
  type TestRedisServer,
} from '@tic/testing';

import { Cleanup } from '../personnel/service-under-test';
import { startMeasured } from '../service-footprint/measured-start';

// BENCH_PROFILE_DIR: the gateway and the services run with --cpu-prof, their profiles written there at their stop.
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;

const APPS = join(__dirname, '..', '..', '..', 'apps');
export const SERVICE_NAMES = ['applications', 'personnel', 'evaluations', 'funding', 'notifications'] as const;
export type BenchServiceName = (typeof SERVICE_NAMES)[number];

export const serviceMain = (service: BenchServiceName | 'gateway') => join(APPS, service, 'dist', 'main.js');

/**
 * The platform as `npm start` runs it, on private infrastructure: a fresh database (migrated and seeded by
 * the applications CLI), a private nats-server with the platform's users, a private redis-server, and
 * the services a benchmark asks for as processes, each as its own NATS user, with the gateway in front.
 */
export class BenchPlatform {
  readonly processes = new Map<BenchServiceName | 'gateway', ServiceProcess>();
  gatewayUrl = '';

  private constructor(
    readonly db: TestDatabase,
    readonly nats: TestNatsServer,
    readonly redis: TestRedisServer,
    readonly keyDir: string,
    readonly queuePrefix: string,
    readonly cleanup: Cleanup,
  ) {}

  static async start(label: string): Promise<BenchPlatform> {
    const cleanup = new Cleanup();
    const db = await createTestDatabase(label);
    cleanup.add(`drop database ${db.name}`, () => db.drop());
    const nats = await startNatsServer({ platformUsers: true });
    cleanup.add('stop nats-server', () => nats.stop());
    const redis = await startRedisServer();
    cleanup.add('stop redis-server', () => redis.close());
    const keyDir = mkdtempSync(join(tmpdir(), 'tic-bench-keys-'));
    const platform = new BenchPlatform(db, nats, redis, keyDir, `bench-${randomBytes(4).toString('hex')}`, cleanup);
    platform.applicationsCli('migrate.js');
    platform.applicationsCli('seed.js');
    return platform;
  }

  serviceEnv(service: BenchServiceName, port: number): Record<string, string> {
    return {
      DATABASE_URL: this.db.url,
      ...this.nats.userEnv(service),
      REDIS_URL: this.redis.url,
      QUEUE_PREFIX: this.queuePrefix,
      HTTP_PORT: String(port),
      LOG_LEVEL: 'warn',
      TIC_DEV: '1',
      ...(service === 'notifications' ? { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_HOSTS: 'true' } : {}),
    };
  }

  gatewayEnv(port: number, services: readonly BenchServiceName[]): Record<string, string> {
    return {
      PORT: String(port),
      ...this.nats.userEnv('gateway'),
      REDIS_URL: this.redis.url,
      REDIS_KEY_PREFIX: `${this.queuePrefix}:gw:`,
      DEV_JWT_DIR: this.keyDir,
      SERVICES: services.join(','),
      LOG_LEVEL: 'warn',
      TIC_DEV: '1',
      // One user drives the whole load: the per-user budget (600 a minute) would refuse it. The
      // throttler still counts every request in Redis, as in production.
      RATE_LIMIT: '100000000',
    };
  }

  /** Starts a service process (it migrates its own schema) and waits for its HTTP port. */
  async startService(service: BenchServiceName): Promise<ServiceProcess> {
    const port = await freePort();
    if (PROFILE_DIR !== undefined) return this.profiled(service, this.serviceEnv(service, port), `${port}/health`);
    const started = await startServiceProcess(service, serviceMain(service), this.serviceEnv(service, port), port);
    this.processes.set(service, started);
    this.cleanup.add(`stop ${service}`, () => started.stop());
    return started;
  }

  async startGateway(services: readonly BenchServiceName[]): Promise<ServiceProcess> {
    const port = await freePort();
    this.gatewayUrl = `http://127.0.0.1:${port}`;
    if (PROFILE_DIR !== undefined) return this.profiled('gateway', this.gatewayEnv(port, services), `${port}/health`);
    const started = await startServiceProcess('gateway', serviceMain('gateway'), this.gatewayEnv(port, services), port);
    this.processes.set('gateway', started);
    this.cleanup.add('stop gateway', () => started.stop());
    this.gatewayUrl = `http://127.0.0.1:${port}`;
    return started;
  }

  /** A development token signed with this platform's key, by the gateway's own token command. */
  token(role: string, org: string, sub: string): string {
    const result = spawnSync(
      process.execPath,
      [join(APPS, 'gateway', 'dist', 'cli', 'token.js'), '--role', role, '--org', org, '--sub', sub],
      { env: { ...process.env, DEV_JWT_DIR: this.keyDir }, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`token failed: ${result.stderr}`);
    return result.stdout.trim();
  }

  /** The seeded provincial Department of Science and Technology (DST), whose admin registers units. */
  async dstOrganizationId(): Promise<string> {
    const rows = await this.query<{ id: string }>(
      `select id from applications.organization where name = '辽宁省科学技术厅'`,
    );
    const id = rows[0]?.id;
    if (id === undefined) throw new Error('the seed made no DST organization');
    return id;
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.db.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  stop(): Promise<void> {
    return this.cleanup.run();
  }

  private async profiled(
    name: BenchServiceName | 'gateway',
    env: Record<string, string>,
    health: string,
  ): Promise<ServiceProcess> {
    const started = await startMeasured(name, serviceMain(name), env, `http://127.0.0.1:${health}`, 60_000, [
      '--cpu-prof',
      `--cpu-prof-dir=${PROFILE_DIR ?? ''}`,
      `--cpu-prof-name=${name}.cpuprofile`,
    ]);
    const running: ServiceProcess = {
      name,
      output: () => started.output(),
      kill: () => started.stop(),
      stop: () => started.stop(),
    };
    this.processes.set(name, running);
    this.cleanup.add(`stop ${name}`, () => started.stop());
    return running;
  }

  private applicationsCli(script: string): void {
    const result = spawnSync(process.execPath, [join(APPS, 'applications', 'dist', 'cli', script)], {
      env: { ...process.env, ...this.serviceEnv('applications', 0) },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}${result.stdout}`);
  }
}
