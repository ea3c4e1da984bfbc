import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ServiceName } from '@tic/contracts';
import type { Role } from '@tic/domain';
import {
  createTestDatabase,
  freePort,
  startNatsServer,
  startServiceProcess,
  type ServiceProcess,
  type TestDatabase,
  type TestNatsServer,
} from '@tic/testing';

import { mintDevToken } from '../../src/auth/dev-token';

const APPS = join(__dirname, '..', '..', '..');
const APPLICATIONS_DIST = join(APPS, 'applications', 'dist');
const GATEWAY_MAIN = join(APPS, 'gateway', 'dist', 'main.js');

type PlatformService = Exclude<ServiceName, 'gateway'>;

/**
 * The whole platform as `npm start` runs it, on private infrastructure: a fresh database, a private
 * nats-server with the platform's users and permissions (infra/nats/users.conf), one Redis database
 * index, and the gateway and every service as processes, each as its own NATS user.
 */
export class PlatformWorld {
  /** The services this world runs as processes; the gateway reads their health and journals. */
  readonly services: readonly ServiceName[] = ['applications', 'personnel', 'evaluations', 'funding', 'notifications'];
  applications?: ServiceProcess;
  personnel?: ServiceProcess;
  evaluations?: ServiceProcess;
  funding?: ServiceProcess;
  notifications?: ServiceProcess;
  gateway?: ServiceProcess;
  gatewayUrl = '';

  private constructor(
    readonly db: TestDatabase,
    readonly nats: TestNatsServer,
    readonly redisUrl: string,
    /** Where the gateway keeps its dev signing key: `npm run token` and the demo mint tokens with DEV_JWT_DIR. */
    readonly keyDir: string,
    private readonly queuePrefix: string,
  ) {}

  /** `personnelEnv` configures the personnel service of this world (a small quota, say). */
  static async start(
    label: string,
    redisDb: number,
    personnelEnv: Record<string, string> = {},
  ): Promise<PlatformWorld> {
    const [db, nats] = await Promise.all([createTestDatabase(label), startNatsServer({ platformUsers: true })]);
    const world = new PlatformWorld(
      db,
      nats,
      `redis://127.0.0.1:6379/${redisDb}`,
      mkdtempSync(join(tmpdir(), 'tic-keys-')),
      `e2e-${randomBytes(4).toString('hex')}`,
    );
    world.runCli('migrate.js');
    world.runCli('seed.js', '--demo');
    await world.launch(personnelEnv);
    return world;
  }

  /**
   * The platform started on a database and nats-server of the caller's (a database restored from a
   * backup, a new nats-server): no migration or seed is run for it; `stop()` drops and stops them.
   */
  static async startOn(db: TestDatabase, nats: TestNatsServer, redisDb: number): Promise<PlatformWorld> {
    const world = new PlatformWorld(
      db,
      nats,
      `redis://127.0.0.1:6379/${redisDb}`,
      mkdtempSync(join(tmpdir(), 'tic-keys-')),
      `e2e-${randomBytes(4).toString('hex')}`,
    );
    await world.launch();
    return world;
  }

  private async launch(personnelEnv: Record<string, string> = {}): Promise<void> {
    try {
      // The applications service first: it creates the event stream the others then only look up.
      await this.startApplications();
      // Each of these migrates its own schema and waits on its own connections: started together, a
      // world is ready in about half the time, which every end-to-end suite pays.
      await settleAll([
        this.startPersonnel(personnelEnv),
        this.startEvaluations(),
        this.startFunding(),
        this.startNotifications(),
      ]);
      await this.startGateway();
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Environment of a service (applications, personnel); `extra` overrides (relay off, clock moved). */
  serviceEnv(service: PlatformService, extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.db.url,
      ...this.nats.userEnv(service),
      REDIS_URL: this.redisUrl,
      QUEUE_PREFIX: this.queuePrefix,
      LOG_LEVEL: 'warn',
      TIC_DEV: '1',
      ...extra,
    };
  }

  async startApplications(extra: Record<string, string> = {}): Promise<void> {
    this.applications = await this.startService('applications', extra);
  }

  // Each service but applications (migrated by `migrate.js`) migrates its own schema at start, in the same database.
  async startPersonnel(extra: Record<string, string> = {}): Promise<void> {
    this.personnel = await this.startService('personnel', extra);
  }

  async startEvaluations(extra: Record<string, string> = {}): Promise<void> {
    this.evaluations = await this.startService('evaluations', extra);
  }

  async startFunding(extra: Record<string, string> = {}): Promise<void> {
    this.funding = await this.startService('funding', extra);
  }

  /** Notifications reads the stream from its beginning. */
  async startNotifications(extra: Record<string, string> = {}): Promise<void> {
    // Receivers in these tests (the demo's agency) listen on 127.0.0.1 over http.
    this.notifications = await this.startService('notifications', {
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE_HOSTS: 'true',
      ...extra,
    });
  }

  private async startService(service: PlatformService, extra: Record<string, string>): Promise<ServiceProcess> {
    const port = await freePort();
    const main = join(APPS, service, 'dist', 'main.js');
    return startServiceProcess(service, main, this.serviceEnv(service, { HTTP_PORT: String(port), ...extra }), port);
  }

  async startGateway(): Promise<void> {
    const port = await freePort();
    this.gateway = await startServiceProcess(
      'gateway',
      GATEWAY_MAIN,
      {
        PORT: String(port),
        ...this.nats.userEnv('gateway'),
        REDIS_URL: this.redisUrl,
        REDIS_KEY_PREFIX: `${this.queuePrefix}:gw:`,
        DEV_JWT_DIR: this.keyDir,
        SERVICES: this.services.join(','),
        // A world's first commands meet services still warming up while CI runs every workspace at once: the
        // 5 s default once answered the matrix's first call 503. No suite on this world times a silence.
        RPC_TIMEOUT_MS: '30000',
        LOG_LEVEL: 'warn',
        TIC_DEV: '1',
      },
      port,
    );
    this.gatewayUrl = `http://127.0.0.1:${port}`;
  }

  token(role: Role, org: string, sub = `${role}-${org.slice(0, 8)}`): Promise<string> {
    return mintDevToken({ sub, name: `${role}用户`, role, org }, this.keyDir);
  }

  async stop(): Promise<void> {
    await this.gateway?.stop();
    await this.notifications?.stop();
    await this.funding?.stop();
    await this.evaluations?.stop();
    await this.personnel?.stop();
    await this.applications?.stop();
    await this.nats.stop();
    await this.db.drop();
  }

  private runCli(script: string, ...args: string[]): void {
    const result = spawnSync(process.execPath, [join(APPLICATIONS_DIST, 'cli', script), ...args], {
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

export interface Reply<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** One HTTP call to the gateway, as a client of the public API would make it. */
export async function call<T = Record<string, unknown>>(
  world: PlatformWorld,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const response = await fetch(`${world.gatewayUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const json = /json/.test(response.headers.get('content-type') ?? '');
  const text = json ? await response.text() : '';
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
}
