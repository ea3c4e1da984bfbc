import 'reflect-metadata';

import { Entity, MikroORM, PrimaryKey, Property } from '@mikro-orm/core';
import { MikroORM as PgMikroORM } from '@mikro-orm/postgresql';
import { Controller, type INestApplication, Injectable, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { headers as natsHeaders, connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

import { createEvent, defineRpc, FundingAllocated } from '@tic/contracts';
import { EVENT_DATA_FIXTURES } from '@tic/contracts/fixtures';
import {
  createTestDatabase,
  eventually,
  readAllEvents,
  startNatsServer,
  type TestDatabase,
  type TestNatsServer,
} from '@tic/testing';

import {
  baseConfigSchema,
  bootstrapService,
  CurrentCaller,
  defineSubscription,
  EventOutbox,
  eventConsumersProvider,
  OutboxEvent,
  ormConfig,
  ParkedEvent,
  PlatformModule,
  readJournal,
  RpcClient,
  RpcFailure,
  RpcHandler,
  type Caller,
} from '../src';
import { testRpcClient } from '../src/testing';

@Entity({ tableName: 'allocation' })
class Allocation {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'text' }) purpose!: string;
  @Property({ type: 'integer' }) version!: number;
}

@Entity({ tableName: 'allocation_seen' })
class AllocationSeen {
  @PrimaryKey({ type: 'uuid' }) eventId!: string;
  @Property({ type: 'uuid' }) allocationId!: string;
}

const Allocate = defineRpc({
  service: 'funding',
  operation: 'test.allocate',
  summary: 'test',
  request: z.object({ centerId: z.uuid(), purpose: z.string().min(2) }),
  response: z.object({ allocationId: z.uuid(), by: z.string() }),
});

/** Answers after SLOW_ANSWER_MS, like a roster check of many lines; the bulk twin is the same subject. */
const SLOW_ANSWER_MS = 600;
const ImportLedger = defineRpc({
  service: 'funding',
  operation: 'test.import_ledger',
  summary: 'test',
  request: z.object({ lines: z.number().int() }),
  response: z.object({ imported: z.number().int() }),
});
const ImportLedgerInBulk = { ...ImportLedger, bulk: true as const };

@Injectable()
class AllocationService {
  constructor(
    private readonly orm: PgMikroORM,
    private readonly outbox: EventOutbox,
  ) {}

  async allocate(input: { centerId: string; purpose: string }, caller: Caller) {
    const em = this.orm.em.fork();
    const allocationId = randomUUID();
    await em.transactional((tx) => {
      tx.persist(tx.create(Allocation, { id: allocationId, purpose: input.purpose, version: 1 }));
      this.outbox.record(tx, FundingAllocated, {
        subject: allocationId,
        aggregateVersion: 1,
        data: {
          ...EVENT_DATA_FIXTURES['tic.funding.allocated'],
          allocationId,
          centerId: input.centerId,
          purpose: input.purpose,
        },
      });
    });
    return { allocationId, by: caller.name };
  }
}

@Controller()
class AllocationHandlers {
  constructor(private readonly allocations: AllocationService) {}

  @RpcHandler(Allocate)
  allocate(@Payload() input: { centerId: string; purpose: string }, @CurrentCaller() caller: Caller) {
    return this.allocations.allocate(input, caller);
  }

  @RpcHandler(ImportLedger)
  async importLedger(@Payload() input: { lines: number }) {
    await new Promise((resolve) => setTimeout(resolve, SLOW_ANSWER_MS));
    return { imported: input.lines };
  }
}

const caller: Caller = { userId: 'u-1', name: '财务处张三', role: 'dst_admin', orgId: randomUUID() };

describe('the spine: RPC, outbox, relay, journal, inbox (real Postgres and NATS JetStream)', () => {
  let db: TestDatabase;
  let nats: TestNatsServer;
  let app: INestApplication;
  let client: RpcClient;

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('spine'), startNatsServer()]);
    const config = baseConfigSchema.parse({
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      HTTP_PORT: '0',
      LOG_LEVEL: 'warn',
      MIGRATE_ON_START: 'false',
    });

    @Module({
      imports: [
        PlatformModule.forService({
          service: 'funding',
          version: 'test',
          config,
          database: { entities: [Allocation, AllocationSeen], migrationsPath: __dirname },
        }),
      ],
      controllers: [AllocationHandlers],
      providers: [
        AllocationService,
        eventConsumersProvider({
          service: 'funding',
          inject: [],
          subscriptions: () => [
            defineSubscription({
              name: 'seen',
              aggregate: 'funding',
              on: {
                'tic.funding.allocated': async (em, event) => {
                  em.persist(em.create(AllocationSeen, { eventId: event.id, allocationId: event.data.allocationId }));
                  await em.flush();
                },
                'tic.funding.proposal_declined': 'ignore',
                'tic.funding.execution_lagging': 'ignore',
                'tic.funding.year_closed': 'ignore',
                'tic.funding.self_evaluated': 'ignore',
                'tic.funding.rated': 'ignore',
                'tic.funding.misuse_found': 'ignore',
              },
            }),
          ],
        }),
      ],
    })
    class TestServiceModule {}

    // Tables straight from the entities: this test is about the wiring, not the migrations.
    const orm = await PgMikroORM.init(
      ormConfig({
        databaseUrl: db.url,
        schema: 'funding',
        entities: [Allocation, AllocationSeen],
        migrationsPath: __dirname,
      }),
    );
    await orm.schema.createSchema({ schema: 'funding' });
    await orm.close();

    app = await bootstrapService(TestServiceModule, 'funding', config);
    client = testRpcClient(nats, { timeoutMs: 3000 });
  }, 60_000);

  afterAll(async () => {
    await client?.onApplicationShutdown();
    await app?.close();
    await nats?.stop();
    await db?.drop();
  });

  it('answers a request over NATS with the caller carried in headers', async () => {
    const reply = await client.request(Allocate, { centerId: randomUUID(), purpose: '建设运行补助' }, { caller });
    expect(reply.by).toBe('财务处张三');
  });

  it('refuses an invalid payload with the field path, as an RpcFailure', async () => {
    const failure = await client
      .request(Allocate, { centerId: 'not-a-uuid', purpose: 'x' }, { caller })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RpcFailure);
    expect((failure as RpcFailure).error).toMatchObject({ code: 'invalid_input' });
    expect((failure as RpcFailure).error.errors?.map((e) => e.path).sort()).toEqual(['centerId', 'purpose']);
  });

  it('waits BULK_RPC_TIMEOUT_MS, not RPC_TIMEOUT_MS, for a bulk request', async () => {
    const impatient = testRpcClient(nats, { timeoutMs: SLOW_ANSWER_MS / 3 });
    try {
      const ordinary = await impatient.request(ImportLedger, { lines: 2000 }, { caller }).catch((e: unknown) => e);
      expect((ordinary as RpcFailure).error).toMatchObject({ code: 'unavailable' });
      await expect(impatient.request(ImportLedgerInBulk, { lines: 2000 }, { caller })).resolves.toEqual({
        imported: 2000,
      });
    } finally {
      await impatient.onApplicationShutdown();
    }
  });

  it('refuses a request without a caller as unauthenticated', async () => {
    const failure = await client
      .request(Allocate, { centerId: randomUUID(), purpose: '补助' })
      .catch((e: unknown) => e);
    expect((failure as RpcFailure).error.code).toBe('unauthenticated');
  });

  it('publishes the committed event to JetStream once, with Nats-Msg-Id, and journals it in order', async () => {
    const { allocationId } = await client.request(
      Allocate,
      { centerId: randomUUID(), purpose: '设备购置' },
      { caller },
    );
    const events = await eventually(async () => {
      const all = (await readAllEvents(nats.url)).filter((e) => e.subject === allocationId);
      expect(all).toHaveLength(1);
      return all;
    });
    expect(events[0]).toMatchObject({ type: 'tic.funding.allocated', source: '/tic/funding', aggregateversion: 1 });

    const orm = app.get(MikroORM);
    const page = await readJournal(orm.em.fork(), caller, '0', 100);
    const positions = page.events.map((e) => Number(e.position));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(page.events.map((e) => e.id)).toContain(events[0]?.id);
  });

  it('applies a redelivered event once (inbox) and parks a malformed one', async () => {
    const nc = await connect({ servers: nats.url });
    const js = jetstream(nc);
    const event = createEvent(FundingAllocated, {
      id: randomUUID(),
      subject: randomUUID(),
      time: new Date().toISOString(),
      aggregateVersion: 1,
      data: { ...EVENT_DATA_FIXTURES['tic.funding.allocated'], allocationId: randomUUID() },
    });
    // The same event twice under different message ids: JetStream keeps both, the inbox applies one.
    for (const msgID of [randomUUID(), randomUUID()]) {
      await js.publish('tic.events.funding.allocated', JSON.stringify(event), { msgID, headers: natsHeaders() });
    }
    await js.publish('tic.events.funding.allocated', '{"type":"tic.funding.allocated","data":{}}', {
      msgID: randomUUID(),
    });
    await nc.close();

    const orm = app.get(MikroORM);
    await eventually(async () => {
      const em = orm.em.fork();
      expect(await em.count(AllocationSeen, { eventId: event.id })).toBe(1);
      expect(await em.count(ParkedEvent, { consumer: 'funding-seen' })).toBe(1);
    });
    const parked = await orm.em.fork().findOneOrFail(ParkedEvent, { consumer: 'funding-seen' });
    expect(parked.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['id', 'data.allocationId']));
    expect(await orm.em.fork().count(OutboxEvent, { publishedAt: null })).toBe(0);
  });
});
