import type { MikroORM } from '@mikro-orm/postgresql';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type Subscription } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';

import { EVENT_STREAM, FundingAllocated } from '@tic/contracts';
import { EVENT_DATA_FIXTURES } from '@tic/contracts/fixtures';
import {
  createTestDatabase,
  readAllEvents,
  startNatsServer,
  type NatsServerOptions,
  type TestDatabase,
  type TestNatsServer,
} from '@tic/testing';

import {
  EventOutbox,
  NatsConnectionService,
  OutboxEvent,
  OutboxRelay,
  openOrm,
  type OutboxRelayOptions,
} from '../../src';

export interface WriteEvent {
  /** The aggregate; a new one when absent. */
  readonly subject?: string;
  readonly aggregateVersion?: number;
  /** Characters of padding in the event's data, to make it large. */
  readonly padding?: number;
}

/**
 * A relay under test against real processes: a fresh database with the funding schema, a private
 * nats-server, the relay on its own NATS connection, and a tap that sees every message published
 * on `tic.events.>` (JetStream's duplicates included, which the stream itself never shows).
 */
export class RelayHarness {
  readonly published = new Map<string, number>();
  private tap?: Subscription;
  private tapConnection?: Awaited<ReturnType<typeof connect>>;

  private constructor(
    readonly db: TestDatabase,
    readonly nats: TestNatsServer,
    readonly orm: MikroORM,
    readonly connection: NatsConnectionService,
    readonly relay: OutboxRelay,
    readonly outbox: EventOutbox,
  ) {}

  static async start(
    label: string,
    relay: Partial<OutboxRelayOptions>,
    nats: NatsServerOptions = {},
  ): Promise<RelayHarness> {
    const [db, server] = await Promise.all([createTestDatabase(label), startNatsServer(nats)]);
    const orm = await openOrm({ databaseUrl: db.url, schema: 'funding', entities: [], migrationsPath: __dirname });
    await orm.schema.createSchema({ schema: 'funding' });
    const connection = new NatsConnectionService(server.url, 'relay-test');
    const outboxRelay = new OutboxRelay(orm, connection, {
      schema: 'funding',
      pollIntervalMs: 200,
      batchSize: 100,
      enabled: false,
      ...relay,
    });
    const harness = new RelayHarness(db, server, orm, connection, outboxRelay, new EventOutbox('funding'));
    await harness.startTap();
    await outboxRelay.onApplicationBootstrap();
    return harness;
  }

  /** Commits events in one transaction, in order; returns their ids. */
  async write(events: readonly WriteEvent[]): Promise<string[]> {
    return this.orm.em.fork().transactional((em) =>
      events.map((event) => {
        const allocationId = event.subject ?? randomUUID();
        const row = this.outbox.record(em, FundingAllocated, {
          subject: allocationId,
          aggregateVersion: event.aggregateVersion ?? 1,
          data: {
            ...EVENT_DATA_FIXTURES['tic.funding.allocated'],
            allocationId,
            purpose: `补助${'x'.repeat(event.padding ?? 0)}`,
          },
        });
        return row.eventId;
      }),
    );
  }

  async row(eventId: string): Promise<OutboxEvent> {
    return this.orm.em.fork().findOneOrFail(OutboxEvent, { eventId });
  }

  async rows(): Promise<OutboxEvent[]> {
    return this.orm.em.fork().find(OutboxEvent, {}, { orderBy: { seq: 'asc' } });
  }

  /** How many times each event id is in the stream, as a subscriber reading it from the start sees it. */
  async streamCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const event of await readAllEvents(this.nats.url)) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
    return counts;
  }

  /** The event id the stream holds at a sequence. */
  async idAt(seq: number): Promise<string | undefined> {
    const nc = await connect({ servers: this.nats.url });
    try {
      const message = await (await jetstreamManager(nc)).streams.getMessage(EVENT_STREAM, { seq });
      return message?.json<{ id: string }>().id;
    } finally {
      await nc.close();
    }
  }

  async setStreamMaxMessageBytes(bytes: number): Promise<void> {
    const nc = await connect({ servers: this.nats.url });
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.update(EVENT_STREAM, { max_msg_size: bytes });
    } finally {
      await nc.close();
    }
  }

  async startTap(): Promise<void> {
    this.tapConnection = await connect({ servers: this.nats.url, maxReconnectAttempts: -1, reconnectTimeWait: 100 });
    this.tap = this.tapConnection.subscribe('tic.events.>', {
      callback: (_error, message) => {
        const id = message.headers?.get('Nats-Msg-Id');
        if (id) this.published.set(id, (this.published.get(id) ?? 0) + 1);
      },
    });
    await this.tapConnection.flush();
  }

  /** Waits until the tap has seen everything sent so far (a round trip through the server). */
  async flushTap(): Promise<void> {
    await this.tapConnection?.flush();
  }

  async close(): Promise<void> {
    await this.relay.beforeApplicationShutdown();
    this.tap?.unsubscribe();
    await this.tapConnection?.close();
    await this.connection.onApplicationShutdown();
    await this.orm.close();
    await this.nats.stop();
    await this.db.drop();
  }
}
