import 'reflect-metadata';

import { MikroORM } from '@mikro-orm/postgresql';
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { bootstrapService, ormConfig, type RpcClient, runMigrations, type Caller } from '@tic/platform';
import { testRpcClient } from '@tic/platform/testing';
import { createTestDatabase, startNatsServer, type TestDatabase, type TestNatsServer } from '@tic/testing';

import { AppModule } from '../src/app.module';
import { applicationsConfigSchema, type ApplicationsConfig } from '../src/config';
import { APPLICATIONS_ENTITIES } from '../src/entities';
import { DEMO_UNITS } from '../src/seed/demo-units';
import { AUTHORITIES, RECOMMENDING_UNITS } from '../src/seed/recommending-units';
import { seedDemo, seedRecommendingUnits } from '../src/seed/seed';

/** Real infrastructure for one test file: a fresh database, a private NATS with the platform's users, a Redis key prefix. */
export interface Infrastructure {
  readonly db: TestDatabase;
  readonly nats: TestNatsServer;
  readonly env: Record<string, string>;
  readonly config: ApplicationsConfig;
  stop(): Promise<void>;
}

export async function startInfrastructure(
  label: string,
  extraEnv: Record<string, string> = {},
): Promise<Infrastructure> {
  const [db, nats] = await Promise.all([createTestDatabase(label), startNatsServer({ platformUsers: true })]);
  const env = {
    DATABASE_URL: db.url,
    ...nats.userEnv('applications'),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
    // The test kit asks for development behaviour (development keys); a deployment never does.
    TIC_DEV: '1',
    ...extraEnv,
  };
  const config = applicationsConfigSchema.parse(env);
  // Migrations and seeds as `npm start` runs them.
  const orm = await MikroORM.init(
    ormConfig({
      databaseUrl: db.url,
      schema: 'applications',
      entities: APPLICATIONS_ENTITIES,
      migrationsPath: join(__dirname, '..', 'src', 'migrations'),
    }),
  );
  await runMigrations(orm, 'applications');
  await seedRecommendingUnits(orm.em.fork());
  await seedDemo(orm.em.fork());
  await orm.close();
  return {
    db,
    nats,
    env,
    config,
    stop: async () => {
      await nats.stop();
      await db.drop();
    },
  };
}

/** The applications service in this process, as `npm start` runs it. */
export async function startService(config: ApplicationsConfig): Promise<INestApplication> {
  return bootstrapService(AppModule.forRoot(config), 'applications', config);
}

/** A client as the gateway holds one: NATS user `gateway`, each caller in an assertion it signs. */
export function rpcClient(nats: TestNatsServer): RpcClient {
  return testRpcClient(nats);
}

const unit = (name: string) => DEMO_UNITS.find((u) => u.name === name)!.id;

/** Signed-in users of the demo data set, one per role. */
export const CALLERS = {
  dst: { userId: 'dst-1', name: '省科技厅王处长', role: 'dst_admin', orgId: AUTHORITIES.dst.id },
  committee: {
    userId: 'cmo-1',
    name: '省委科技委办公室李主任',
    role: 'committee_office',
    orgId: AUTHORITIES.committeeOffice.id,
  },
  construction: {
    userId: 'cu-1',
    name: '研究院申报专员',
    role: 'construction_unit',
    orgId: unit('辽宁示范智能装备股份有限公司中央研究院'),
  },
  supporting: {
    userId: 'su-1',
    name: '依托单位科技处',
    role: 'supporting_unit',
    orgId: unit('辽宁示范智能装备股份有限公司'),
  },
  coBuilder: { userId: 'cb-1', name: '共建单位科研院', role: 'co_builder', orgId: unit('东北示范理工大学') },
  recommender: { userId: 'rec-1', name: '沈阳市科技局高新处', role: 'recommender', orgId: RECOMMENDING_UNITS[0]!.id },
  otherRecommender: {
    userId: 'rec-2',
    name: '大连市科技局高新处',
    role: 'recommender',
    orgId: RECOMMENDING_UNITS[1]!.id,
  },
  otherConstruction: {
    userId: 'cu-2',
    name: '大连技术中心',
    role: 'construction_unit',
    orgId: unit('大连示范海洋工程研究院有限公司技术中心'),
  },
} as const satisfies Record<string, Caller>;

export const expertCaller = (n: number): Caller => ({
  userId: `expert-${n}`,
  name: `专家${n}`,
  role: 'expert',
  orgId: unit('辽宁示范工业技术研究院'),
});

export const SUPPORTING_UNIT_ID = unit('辽宁示范智能装备股份有限公司');
export const CO_BUILDER_ID = unit('东北示范理工大学');

/** A complete application form that meets every A12 condition. */
export function eligibleForm() {
  return {
    field: { zh: '智能制造', en: 'Intelligent Manufacturing' },
    supportingUnitId: SUPPORTING_UNIT_ID,
    proposedCoBuilderIds: [CO_BUILDER_ID],
    areaM2: 3200,
    equipmentValueCny: 12_000_000,
    technicalLeaders: 2,
    fullTimeStaff: 36,
    achievements: [
      {
        title: '高精度伺服控制系统',
        description: '国内领先',
        evidence: [{ fileName: '鉴定证书.pdf', sizeBytes: 102400, sha256: 'a'.repeat(64), ref: 'docs/1' }],
      },
    ],
    cooperation: [{ title: '与东北示范理工大学联合实验室', description: '', evidence: [] }],
    requestedTrack: 'formal' as const,
  };
}

/** The service running for a whole test file, with a client; registers its own beforeAll/afterAll. */
export function runningService(label: string): {
  readonly rpc: RpcClient;
  readonly infra: Infrastructure;
  readonly app: INestApplication;
} {
  const context: { rpc?: RpcClient; infra?: Infrastructure; app?: INestApplication } = {};
  beforeAll(async () => {
    context.infra = await startInfrastructure(label);
    context.app = await startService(context.infra.config);
    context.rpc = rpcClient(context.infra.nats);
  }, 90_000);
  afterAll(async () => {
    await context.rpc?.onApplicationShutdown();
    await context.app?.close();
    await context.infra?.stop();
  });
  return {
    get rpc() {
      if (!context.rpc) throw new Error('the service is not running yet');
      return context.rpc;
    },
    get infra() {
      if (!context.infra) throw new Error('the service is not running yet');
      return context.infra;
    },
    get app() {
      if (!context.app) throw new Error('the service is not running yet');
      return context.app;
    },
  };
}
