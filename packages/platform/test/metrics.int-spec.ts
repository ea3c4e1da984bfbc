import 'reflect-metadata';

import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { MikroORM as PgMikroORM } from '@mikro-orm/postgresql';
import { Controller, type INestApplication, Injectable, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

import { defineRpc, FundingAllocated } from '@tic/contracts';
import { EVENT_DATA_FIXTURES } from '@tic/contracts/fixtures';
import { createTestDatabase, eventually, startNatsServer, type TestDatabase, type TestNatsServer } from '@tic/testing';

import {
  baseConfigSchema,
  bootstrapService,
  defineSubscription,
  EventOutbox,
  eventConsumersProvider,
  ormConfig,
  PlatformModule,
  RpcClient,
  RpcFailure,
  RpcHandler,
  type Caller,
} from '../src';
import { dashboardFamiliesMissingFrom, scrapeMetrics, testRpcClient } from '../src/testing';

@Entity({ tableName: 'grant_row' })
class GrantRow {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'text' }) purpose!: string;
}

const Metered = defineRpc({
  service: 'funding',
  operation: 'test.metered',
  summary: 'test',
  request: z.object({ purpose: z.string().min(2), then: z.enum(['answer', 'refuse', 'crash']) }),
  response: z.object({ grantId: z.uuid() }),
});

/** Lets a test hold the consumer in its handler, so that JetStream counts the events waiting behind it. */
class Gate {
  private opened: Promise<void> = Promise.resolve();
  private release?: () => void;
  close(): void {
    this.opened = new Promise((resolve) => (this.release = resolve));
  }
  open(): void {
    this.release?.();
  }
  pass(): Promise<void> {
    return this.opened;
  }
}
const gate = new Gate();

@Injectable()
class Grants {
  constructor(
    private readonly orm: PgMikroORM,
    private readonly outbox: EventOutbox,
  ) {}

  async grant(input: z.infer<typeof Metered.request>) {
    if (input.then === 'refuse') throw RpcFailure.of('conflict', { zh: '已拨付', en: 'Already granted' });
    if (input.then === 'crash') throw new TypeError("Cannot read properties of undefined (reading 'amount')");
    const grantId = randomUUID();
    await this.orm.em.fork().transactional((tx) => {
      tx.persist(tx.create(GrantRow, { id: grantId, purpose: input.purpose }));
      this.outbox.record(tx, FundingAllocated, {
        subject: grantId,
        aggregateVersion: 1,
        data: { ...EVENT_DATA_FIXTURES['tic.funding.allocated'], allocationId: grantId, purpose: input.purpose },
      });
    });
    return { grantId };
  }
}

@Controller()
class GrantHandlers {
  constructor(private readonly grants: Grants) {}

  @RpcHandler(Metered)
  grant(@Payload() input: z.infer<typeof Metered.request>) {
    return this.grants.grant(input);
  }
}

const caller: Caller = { userId: 'u-1', name: '财务处张三', role: 'dst_admin', orgId: randomUUID() };
const FUNDING = { service: 'funding' };
const ignoreTheRest = {
  'tic.funding.proposal_declined': 'ignore',
  'tic.funding.execution_lagging': 'ignore',
  'tic.funding.year_closed': 'ignore',
  'tic.funding.self_evaluated': 'ignore',
  'tic.funding.rated': 'ignore',
  'tic.funding.misuse_found': 'ignore',
} as const;

describe("a service's metrics at /metrics (real Postgres and NATS JetStream)", () => {
  let db: TestDatabase;
  let nats: TestNatsServer;
  let app: INestApplication;
  let client: RpcClient;
  let metricsUrl: string;
  const scrape = () => scrapeMetrics(metricsUrl);

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('metrics'), startNatsServer()]);
    const config = baseConfigSchema.parse({
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      HTTP_PORT: '0',
      LOG_LEVEL: 'fatal',
      MIGRATE_ON_START: 'false',
    });

    @Module({
      imports: [
        PlatformModule.forService({
          service: 'funding',
          version: 'test',
          config,
          database: { entities: [GrantRow], migrationsPath: __dirname },
        }),
      ],
      controllers: [GrantHandlers],
      providers: [
        Grants,
        eventConsumersProvider({
          service: 'funding',
          inject: [],
          subscriptions: () => [
            defineSubscription({
              name: 'ledger',
              aggregate: 'funding',
              on: { 'tic.funding.allocated': () => gate.pass(), ...ignoreTheRest },
            }),
          ],
        }),
      ],
    })
    class MeteredServiceModule {}

    const orm = await PgMikroORM.init(
      ormConfig({ databaseUrl: db.url, schema: 'funding', entities: [GrantRow], migrationsPath: __dirname }),
    );
    await orm.schema.createSchema({ schema: 'funding' });
    await orm.close();

    app = await bootstrapService(MeteredServiceModule, 'funding', config);
    metricsUrl = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/metrics`;
    client = testRpcClient(nats, { timeoutMs: 3000 });
  }, 60_000);

  afterAll(async () => {
    gate.open();
    await client?.onApplicationShutdown();
    await app?.close();
    await nats?.stop();
    await db?.drop();
  });

  it('times each RPC by operation and outcome, and counts refusals by code and errors', async () => {
    const method = { ...FUNDING, method: 'test.metered' };
    await client.request(Metered, { purpose: '建设运行补助', then: 'answer' }, { caller });
    const refusals = [
      client.request(Metered, { purpose: '建设运行补助', then: 'refuse' }, { caller }),
      client.request(Metered, { purpose: 'x', then: 'answer' }, { caller }),
      client.request(Metered, { purpose: '建设运行补助', then: 'crash' }, { caller }),
    ];
    for (const refused of refusals) await expect(refused).rejects.toBeInstanceOf(RpcFailure);

    const metrics = await scrape();
    expect(metrics.sum('tic_rpc_duration_seconds_count', { ...method, outcome: 'ok' })).toBe(1);
    expect(metrics.sum('tic_rpc_duration_seconds_count', { ...method, outcome: 'refused' })).toBe(2);
    expect(metrics.sum('tic_rpc_duration_seconds_count', { ...method, outcome: 'error' })).toBe(1);
    expect(metrics.sum('tic_rpc_refusals_total', { ...method, code: 'conflict' })).toBe(1);
    expect(metrics.sum('tic_rpc_refusals_total', { ...method, code: 'invalid_input' })).toBe(1);
    expect(metrics.sum('tic_rpc_errors_total', method)).toBe(1);
    // The default metrics are still there, and every family the dashboard asks of the kit.
    expect(metrics.families.has('process_cpu_seconds_total')).toBe(true);
    expect(
      dashboardFamiliesMissingFrom(metrics, ['tic_rpc_', 'tic_outbox_', 'tic_consumer_', 'process_', 'nodejs_']),
    ).toEqual([]);
  });

  it('counts an RPC refused for its caller assertion (a forged key, an expired one) as refused, by code', async () => {
    const method = { ...FUNDING, method: 'test.metered' };
    for (const assertion of ['untrusted-key', 'expired'] as const) {
      const forger = testRpcClient(nats, { assertion, timeoutMs: 3000 });
      await expect(
        forger.request(Metered, { purpose: '建设运行补助', then: 'answer' }, { caller }),
      ).rejects.toMatchObject({ error: { code: 'unauthenticated' } });
      await forger.onApplicationShutdown();
    }
    const metrics = await scrape();
    expect(metrics.sum('tic_rpc_refusals_total', { ...method, code: 'unauthenticated' })).toBe(2);
  });

  it("counts the events a consumer has not finished, from JetStream's consumer info", async () => {
    gate.close();
    for (const purpose of ['设备购置', '人才引进'])
      await client.request(Metered, { purpose, then: 'answer' }, { caller });
    const consumer = { ...FUNDING, consumer: 'funding-ledger' };
    await eventually(
      async () => {
        const metrics = await scrape();
        const waiting =
          metrics.sum('tic_consumer_pending_messages', consumer) +
          metrics.sum('tic_consumer_ack_pending_messages', consumer);
        expect(waiting).toBeGreaterThanOrEqual(2);
      },
      15_000,
      500,
    );
    gate.open();
    await eventually(
      async () => {
        const metrics = await scrape();
        expect(metrics.find('tic_consumer_pending_messages', consumer)).toHaveLength(1);
        expect(
          metrics.sum('tic_consumer_pending_messages', consumer) +
            metrics.sum('tic_consumer_ack_pending_messages', consumer),
        ).toBe(0);
      },
      15_000,
      500,
    );
  });

  it('counts the events a consumer parked, by reason', async () => {
    const nc = await connect({ servers: nats.url });
    await jetstream(nc).publish('tic.events.funding.allocated', '{"type":"tic.funding.allocated","data":{}}', {
      msgID: randomUUID(),
    });
    await nc.close();
    await eventually(async () => {
      const metrics = await scrape();
      expect(
        metrics.sum('tic_consumer_parked_events', { ...FUNDING, consumer: 'funding-ledger', reason: 'malformed' }),
      ).toBe(1);
    });
  });

  it('shows the outbox lag growing while NATS is down, and back to 0 once the relay publishes', async () => {
    await nats.halt();
    // An RPC needs NATS too: the event is committed directly, as a command is while the relay cannot publish.
    const orm = app.get(PgMikroORM);
    const outbox = app.get(EventOutbox);
    const grantId = randomUUID();
    await orm.em.fork().transactional((tx) => {
      outbox.record(tx, FundingAllocated, {
        subject: grantId,
        aggregateVersion: 1,
        data: { ...EVENT_DATA_FIXTURES['tic.funding.allocated'], allocationId: grantId },
      });
    });
    const first = await eventually(async () => {
      const metrics = await scrape();
      expect(metrics.sum('tic_outbox_unpublished_events', FUNDING)).toBe(1);
      expect(metrics.sum('tic_consumer_info_available', FUNDING)).toBe(0);
      return metrics.sum('tic_outbox_oldest_unpublished_age_seconds', FUNDING);
    });
    await eventually(async () => {
      expect((await scrape()).sum('tic_outbox_oldest_unpublished_age_seconds', FUNDING)).toBeGreaterThan(first);
    });

    await nats.start();
    await eventually(
      async () => {
        const metrics = await scrape();
        expect(metrics.sum('tic_outbox_unpublished_events', FUNDING)).toBe(0);
        expect(metrics.sum('tic_outbox_oldest_unpublished_age_seconds', FUNDING)).toBe(0);
      },
      20_000,
      200,
    );
  });
});
