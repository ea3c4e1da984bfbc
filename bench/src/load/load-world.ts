import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

const APPS = join(__dirname, '..', '..', '..', 'apps');
export const LOAD_SERVICES = ['applications', 'personnel', 'evaluations', 'funding', 'notifications'] as const;
export type LoadService = (typeof LOAD_SERVICES)[number];

/** One replica of a service: its own process and HTTP port, killed with SIGKILL and started again. */
export class Replica {
  private process?: ServiceProcess;
  kills = 0;

  constructor(
    readonly service: LoadService,
    readonly index: number,
    private readonly world: LoadWorld,
  ) {}

  get label(): string {
    return `${this.service}#${this.index}`;
  }

  get running(): boolean {
    return this.process !== undefined;
  }

  async start(extra: Record<string, string> = {}): Promise<void> {
    const port = await freePort();
    this.process = await startServiceProcess(
      this.label,
      join(APPS, this.service, 'dist', 'main.js'),
      { ...this.world.serviceEnv(this.service), ...extra, HTTP_PORT: String(port) },
      port,
    );
  }

  /** SIGKILL: no shutdown hook, no drain, no relay stop; whatever was in flight is cut off. */
  async kill(): Promise<void> {
    const running = this.process;
    this.process = undefined;
    this.kills += 1;
    await running?.kill();
  }

  async stop(): Promise<void> {
    const running = this.process;
    this.process = undefined;
    await running?.stop();
  }

  output(): string {
    return this.process?.output() ?? '';
  }
}

/**
 * The platform on private infrastructure for the load test: a fresh database, a private nats-server
 * with JetStream and the platform's users, a private redis-server; the gateway once and every service
 * as `replicas` processes sharing one queue group, one schema, one relay lock and one BullMQ queue.
 */
export class LoadWorld {
  readonly replicas = new Map<LoadService, Replica[]>();
  gateway?: ServiceProcess;
  gatewayUrl = '';
  /** Applied to every replica started from now on (the clock moved for the deadline check). */
  serviceOverrides: Partial<Record<LoadService, Record<string, string>>> = {};

  private constructor(
    readonly db: TestDatabase,
    readonly nats: TestNatsServer,
    readonly redis: TestRedisServer,
    readonly keyDir: string,
    private readonly queuePrefix: string,
  ) {}

  static async start(replicasPerService: number): Promise<LoadWorld> {
    const [db, nats, redis] = await Promise.all([
      createTestDatabase('bench_load'),
      startNatsServer({ platformUsers: true }),
      startRedisServer(),
    ]);
    const world = new LoadWorld(
      db,
      nats,
      redis,
      mkdtempSync(join(tmpdir(), 'tic-load-keys-')),
      `load-${randomBytes(4).toString('hex')}`,
    );
    try {
      world.runApplicationsCli('migrate.js');
      world.runApplicationsCli('seed.js', '--demo');
      for (const service of LOAD_SERVICES)
        world.replicas.set(
          service,
          Array.from({ length: replicasPerService }, (_, i) => new Replica(service, i + 1, world)),
        );
      // The replicas of a service start together, as in a deployment, and take turns at their schema's
      // migrations; one service after another (the applications service first, which creates the event
      // stream the others only look up), since eight starts at once outlast the wait on two busy cores.
      for (const service of LOAD_SERVICES) await settleAll(world.replicasOf(service).map((r) => r.start()));
      await world.startGateway();
    } catch (error) {
      await world.stop();
      throw error;
    }
    return world;
  }

  replicasOf(service: LoadService): Replica[] {
    return this.replicas.get(service) ?? [];
  }

  serviceEnv(service: LoadService): Record<string, string> {
    return {
      DATABASE_URL: this.db.url,
      ...this.nats.userEnv(service),
      REDIS_URL: this.redis.url,
      QUEUE_PREFIX: this.queuePrefix,
      LOG_LEVEL: 'warn',
      TIC_DEV: '1',
      // Deadlines already due fire within seconds, while replicas are being killed, not only at the end.
      DEADLINE_SWEEP_INTERVAL_MS: '2000',
      ...(service === 'notifications' ? { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_HOSTS: 'true' } : {}),
      // One supporting unit registers every person of the run: the daily quota (200) is not under test.
      ...(service === 'personnel' ? { PERSONNEL_QUOTA_REGISTRATIONS_PER_DAY: '1000000' } : {}),
      ...this.serviceOverrides[service],
    };
  }

  async startGateway(): Promise<void> {
    const port = await freePort();
    this.gateway = await startServiceProcess(
      'gateway',
      join(APPS, 'gateway', 'dist', 'main.js'),
      {
        PORT: String(port),
        ...this.nats.userEnv('gateway'),
        REDIS_URL: this.redis.url,
        REDIS_KEY_PREFIX: `${this.queuePrefix}:gw:`,
        DEV_JWT_DIR: this.keyDir,
        SERVICES: LOAD_SERVICES.join(','),
        LOG_LEVEL: 'warn',
        TIC_DEV: '1',
        // The load test drives thousands of requests from one address; the limits are not under test.
        RATE_LIMIT: '100000000',
      },
      port,
    );
    this.gatewayUrl = `http://127.0.0.1:${port}`;
  }

  /** A development token the gateway accepts (its CLI, with this world's signing key). */
  token(role: string, org: string): string {
    const result = spawnSync(
      process.execPath,
      [join(APPS, 'gateway', 'dist', 'cli', 'token.js'), '--role', role, '--org', org, '--sub', `${role}-load`],
      { env: { ...process.env, DEV_JWT_DIR: this.keyDir, TIC_DEV: '1' }, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`token failed: ${result.stderr}`);
    return result.stdout.trim();
  }

  async stop(): Promise<void> {
    await this.gateway?.stop();
    for (const service of [...LOAD_SERVICES].reverse())
      await Promise.all(this.replicasOf(service).map((replica) => replica.stop()));
    await this.nats.stop();
    await this.redis.close();
    await this.db.drop();
  }

  private runApplicationsCli(script: string, ...args: string[]): void {
    const result = spawnSync(process.execPath, [join(APPS, 'applications', 'dist', 'cli', script), ...args], {
      env: { ...process.env, ...this.serviceEnv('applications') },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}${result.stdout}`);
  }
}

/** Waits for every start, so that none is left running unseen when another fails; then throws the first failure. */
async function settleAll(starts: readonly Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(starts)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
