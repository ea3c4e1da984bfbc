import { randomBytes, randomUUID } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { Pool } from 'pg';

import { CenterEstablished, CreateAllocation, createEvent } from '@tic/contracts';
import type { ExpenseCategory } from '@tic/domain';
import { AppModule } from '@tic/funding/dist/app.module';
import { fundingConfigSchema } from '@tic/funding/dist/config';
import { bootstrapService, type Caller, CallerAssertionSigner, developmentSigningKey, RpcClient } from '@tic/platform';
import { createTestDatabase, publishEvents, startNatsServer, type TestNatsServer } from '@tic/testing';

import { type Cleanup, deleteKeys } from '../personnel/service-under-test';

/** Every category of the budget, each with the same amount: the workload draws from all four. */
export const CATEGORIES: readonly ExpenseCategory[] = ['equipment', 'business', 'labor', 'indirect'];

export const DST_CALLER: Caller = {
  userId: 'bench-dst',
  name: '省科技厅（基准测试）',
  role: 'dst_admin',
  orgId: randomUUID(),
};

/** One center's allocation as the benchmark spends against it, and who may record its ledger. */
export interface BenchAllocation {
  readonly id: string;
  readonly supportingUnit: Caller;
}

/** A center as the directory learns it, and the unit that keeps its allocation's ledger. */
export interface BenchCenter {
  readonly centerId: string;
  readonly supportingUnit: Caller;
}

export interface FundingWorld {
  readonly databaseUrl: string;
  readonly nats: TestNatsServer;
  readonly app: INestApplication;
  readonly rpc: RpcClient;
  readonly fiscalYear: number;
}

/** A fresh database, a private NATS and the funding service in this process, as `npm start` runs it. */
export async function startFundingWorld(cleanup: Cleanup): Promise<FundingWorld> {
  const db = await createTestDatabase('bench_funding');
  cleanup.add(`drop database ${db.name}`, () => db.drop());
  const nats = await startNatsServer();
  cleanup.add('stop nats-server', () => nats.stop());
  const config = fundingConfigSchema.parse({
    TIC_DEV: '1',
    DATABASE_URL: db.url,
    NATS_URL: nats.url,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
  });
  cleanup.add(`delete Redis keys ${config.QUEUE_PREFIX}:*`, () =>
    deleteKeys(config.REDIS_URL, `${config.QUEUE_PREFIX}:*`),
  );
  // bootstrapService applies the funding migrations before it answers.
  const app = await bootstrapService(AppModule.forRoot(config), 'funding', config);
  cleanup.add('close the service', () => app.close());
  // Signed with the gateway's development key, which the service trusts outside production.
  const rpc = new RpcClient(
    ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [config.NATS_URL] } }),
    { ms: 30_000, bulkMs: 60_000 },
    new CallerAssertionSigner(developmentSigningKey('gateway')),
  );
  cleanup.add('close the NATS client', () => rpc.onApplicationShutdown());
  // The year in Shanghai: the service refuses an expenditure dated after its today.
  const fiscalYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  return { databaseUrl: db.url, nats, app, rpc, fiscalYear };
}

/**
 * The centers, announced as the applications service announces them (tic.center.established, each with a
 * supporting unit of its own), as the service's own tests do; resolves once its directory holds them all.
 */
export async function seedCenters(world: FundingWorld, count: number): Promise<BenchCenter[]> {
  const centers: BenchCenter[] = Array.from({ length: count }, (_, n) => ({
    centerId: randomUUID(),
    supportingUnit: {
      userId: `bench-supporting-${n}`,
      name: `依托单位${n}财务处`,
      role: 'supporting_unit',
      orgId: randomUUID(),
    } satisfies Caller,
  }));
  await publishCenters(world.nats, centers);
  const pool = new Pool({ connectionString: world.databaseUrl, max: 1 });
  try {
    for (let waited = 0; ; waited += 200) {
      const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from funding.center_directory');
      if ((rows[0]?.n ?? 0) >= count) break;
      if (waited > 120_000) throw new Error(`the directory holds ${rows[0]?.n} of ${count} centers after 120 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await pool.end();
  }
  return centers;
}

async function publishCenters(nats: TestNatsServer, centers: readonly BenchCenter[]): Promise<void> {
  const events = centers.map(({ centerId, supportingUnit }, n) =>
    createEvent(CenterEstablished, {
      id: randomUUID(),
      subject: centerId,
      time: new Date().toISOString(),
      aggregateVersion: 1,
      data: {
        centerId,
        name: { zh: `辽宁省基准测试${n}技术创新中心`, en: `Liaoning Benchmark ${n} TIC` },
        applicationId: randomUUID(),
        field: { zh: `基准测试${n}`, en: `Benchmark ${n}` },
        track: 'formal',
        status: 'operating',
        supportingUnitId: supportingUnit.orgId,
        coBuilderIds: [randomUUID()],
        constructionUnitId: randomUUID(),
        recommenderId: randomUUID(),
        regionCode: '210102',
        establishedOn: '2025-01-10',
      },
    }),
  );
  await publishEvents(nats, events);
}

/** One allocation per center through CreateAllocation as DST, `concurrency` requests in flight. */
export async function allocateThroughService(
  world: FundingWorld,
  centers: readonly BenchCenter[],
  amountPerCategoryFen: number,
  concurrency: number,
): Promise<BenchAllocation[]> {
  const allocations = new Array<BenchAllocation>(centers.length);
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < centers.length; n = next++) {
      const center = centers[n] as BenchCenter;
      const created = await world.rpc.request(
        CreateAllocation,
        {
          centerId: center.centerId,
          fiscalYear: world.fiscalYear,
          purpose: '技术创新中心建设运行补助（基准测试）',
          budget: CATEGORIES.map((category) => ({ category, amountFen: amountPerCategoryFen })),
          targets: [
            { tier: 'output', dimension: 'quantity', indicator: '发明专利授权数', unit: '件', targetValue: 5 },
            { tier: 'effect', dimension: 'economic', indicator: '技术合同成交额', unit: '万元', targetValue: 500 },
            { tier: 'satisfaction', dimension: 'satisfaction', indicator: '满意度', unit: '%', targetValue: 90 },
          ],
        },
        { caller: DST_CALLER },
      );
      allocations[n] = { id: created.id, supportingUnit: center.supportingUnit };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return allocations;
}

/**
 * The baseline's allocations: a copy of each of the service's, same center, budget and year, with a new id
 * and nothing spent, in the same table (so both paths lock rows of one table and write one ledger table).
 */
export async function copyAllocationsForBaseline(
  databaseUrl: string,
  allocations: readonly BenchAllocation[],
): Promise<BenchAllocation[]> {
  const copies = allocations.map((a) => ({ ...a, id: randomUUID(), original: a.id }));
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await pool.query(
      `insert into funding.allocation (id, version, event_version, created_at, center_id, fiscal_year, purpose, status,
         allocated_on, proposal_id, carried_over_from, budget, spent, entry_count, targets, created_by, updated_at)
       select c.id, 1, 0, now(), a.center_id, a.fiscal_year, a.purpose, a.status, a.allocated_on, null, null, a.budget,
              '{}'::jsonb, 0, a.targets, a.created_by, now()
         from unnest($1::uuid[], $2::uuid[]) as c(id, original)
         join funding.allocation a on a.id = c.original`,
      [copies.map((c) => c.id), copies.map((c) => c.original)],
    );
    await pool.query('vacuum analyze funding.allocation');
  } finally {
    await pool.end();
  }
  return copies.map(({ id, supportingUnit }) => ({ id, supportingUnit }));
}
