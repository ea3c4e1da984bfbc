import type { MikroORM } from '@mikro-orm/postgresql';
import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { performance } from 'node:perf_hooks';

import { createEvent, EVENT_STREAM, eventSubject, FundingAllocated, type CloudEvent } from '@tic/contracts';
import { EVENT_DATA_FIXTURES } from '@tic/contracts/fixtures';
import { ensureEventStream, NatsConnectionService, natsConnectOptions, OutboxRelay, openOrm } from '@tic/platform';
import { createTestDatabase, startNatsServer, type TestDatabase, type TestNatsServer } from '@tic/testing';

const data = (allocationId: string, centerId?: string) => ({
  ...EVENT_DATA_FIXTURES['tic.funding.allocated'],
  ...(centerId === undefined ? {} : { centerId }),
  allocationId,
  purpose: '技术创新中心建设运行补助',
});

/** The event path under measure: a fresh database with the funding schema, a private nats-server, the relay's connection. */
export class EventPathWorld {
  /** The writers' own connections, as other service instances would commit: the relay's pool is not theirs. */
  private readonly writers: Pool;

  private constructor(
    readonly db: TestDatabase,
    readonly nats: TestNatsServer,
    readonly orm: MikroORM,
    readonly connection: NatsConnectionService,
  ) {
    this.writers = new Pool({ connectionString: db.url, max: 10 });
  }

  static async start(): Promise<EventPathWorld> {
    const [db, nats] = await Promise.all([createTestDatabase('bench_events'), startNatsServer()]);
    const orm = await openOrm({ databaseUrl: db.url, schema: 'funding', entities: [], migrationsPath: __dirname });
    await orm.schema.createSchema({ schema: 'funding' });
    const connection = new NatsConnectionService(
      natsConnectOptions({ TIC_DEV: true, NATS_URL: nats.url }, 'funding'),
      'bench-relay',
    );
    await ensureEventStream(await connection.jetstreamManager());
    return new EventPathWorld(db, nats, orm, connection);
  }

  relay(batchSize: number, enabled: boolean): OutboxRelay {
    return new OutboxRelay(this.orm, this.connection, { schema: 'funding', pollIntervalMs: 1000, batchSize, enabled });
  }

  /** Commits `count` events, `perTransaction` to a transaction (untimed set-up of a backlog). */
  async writeBacklog(count: number, perTransaction = 1000): Promise<void> {
    for (let done = 0; done < count; done += perTransaction) {
      const documents = this.documents(Math.min(perTransaction, count - done));
      await this.writers.query(
        `insert into "funding"."outbox_event" (event_id, type, subject, aggregate_version, document, created_at)
         select id, type, subject, version, document, now() from unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[], $5::jsonb[]) as t(id, type, subject, version, document)`,
        [
          documents.map((d) => d.id),
          documents.map((d) => d.type),
          documents.map((d) => d.subject),
          documents.map((d) => d.aggregateversion),
          documents.map((d) => JSON.stringify(d)),
        ],
      );
    }
  }

  /** One prepared event in its own transaction (an insert in autocommit), resolved once committed. */
  async commitOne(document: CloudEvent): Promise<void> {
    await this.writers.query(
      'insert into "funding"."outbox_event" (event_id, type, subject, aggregate_version, document, created_at) values ($1, $2, $3, $4, $5, now())',
      [document.id, document.type, document.subject, document.aggregateversion, JSON.stringify(document)],
    );
  }

  /**
   * Documents as EventOutbox.record builds them (contract-validated), for the outbox and the raw baseline;
   * spread over `centers` in turn when given (else the fixture's one center).
   */
  documents(count: number, centers: readonly string[] = []): CloudEvent[] {
    return Array.from({ length: count }, (_, i) => {
      const allocationId = randomUUID();
      return createEvent(FundingAllocated, {
        producer: 'funding',
        id: randomUUID(),
        subject: allocationId,
        time: new Date().toISOString(),
        aggregateVersion: 1,
        data: data(allocationId, centers[i % Math.max(centers.length, 1)]),
      });
    });
  }

  /** Raw JetStream async publishing, `window` acks awaited together, as the relay sends them. */
  async publishRaw(documents: readonly CloudEvent[], window: number): Promise<void> {
    const js = await this.connection.jetstream();
    for (let start = 0; start < documents.length; start += window) {
      await Promise.all(
        documents.slice(start, start + window).map((document) => {
          const headers = natsHeaders();
          headers.set('Content-Type', 'application/cloudevents+json');
          return js.publish(eventSubject(document.type), JSON.stringify(document), { msgID: document.id, headers });
        }),
      );
    }
  }

  /** A consumer of new messages that notes when each event id arrives (performance.now()). */
  async consumeNew(arrivals: Map<string, number>): Promise<{ stop: () => Promise<void> }> {
    const js = jetstream(await this.connection.connect());
    const consumer = await js.consumers.get(EVENT_STREAM, { deliver_policy: DeliverPolicy.New });
    const messages = await consumer.consume();
    const done = (async () => {
      for await (const message of messages) {
        const id = message.headers?.get('Nats-Msg-Id');
        if (id) arrivals.set(id, performance.now());
      }
    })();
    return {
      stop: async () => {
        await messages.close();
        await done;
      },
    };
  }

  async unpublished(): Promise<number> {
    const [row] = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ n: string }[]>('select count(*)::text as n from "funding"."outbox_event" where published_at is null');
    return Number(row?.n ?? NaN);
  }

  async close(): Promise<void> {
    await this.writers.end();
    await this.connection.onApplicationShutdown();
    await this.orm.close();
    await this.nats.stop();
    await this.db.drop();
  }
}
