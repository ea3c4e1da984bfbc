import 'reflect-metadata';

import type { MikroORM } from '@mikro-orm/postgresql';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';

import { createEvent, EVENT_STREAM, FundingAllocated, OrganizationRegistered } from '@tic/contracts';
import { EVENT_DATA_FIXTURES } from '@tic/contracts/fixtures';
import {
  createTestDatabase,
  readAllEvents,
  startNatsServer,
  type TestDatabase,
  type TestNatsServer,
} from '@tic/testing';

import { EventOutbox, NatsConnectionService, OutboxEvent, OutboxRelay, openOrm } from '../src';
import { StreamRebuild } from '../src/events/stream-rebuild';

const SCHEMAS = ['applications', 'funding'] as const;
type Schema = (typeof SCHEMAS)[number];

/**
 * The kit's rebuild of TIC_EVENTS from two services' journals, against a real Postgres and a private
 * nats-server whose store is lost: what is published, in which order, and what is refused.
 */
describe('rebuilding the event stream from the journals (two schemas, a private nats-server)', () => {
  let db: TestDatabase;
  let nats: TestNatsServer;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const orms = new Map<Schema, MikroORM>();
  const relays = new Map<Schema, { relay: OutboxRelay; connection: NatsConnectionService }>();

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('stream_rebuild'), startNatsServer()]);
    for (const schema of SCHEMAS) {
      const orm = await openOrm({ databaseUrl: db.url, schema, entities: [], migrationsPath: __dirname });
      await orm.schema.createSchema({ schema });
      orms.set(schema, orm);
    }
    await reconnect();
  }, 60_000);

  afterAll(async () => {
    await closeRelays();
    await nc?.close();
    for (const orm of orms.values()) await orm.close();
    await nats?.stop();
    await db?.drop();
  });

  async function reconnect(): Promise<void> {
    await nc?.close();
    nc = await connect({ servers: nats.url });
    jsm = await jetstreamManager(nc);
  }

  async function closeRelays(): Promise<void> {
    for (const { relay, connection } of relays.values()) {
      await relay.beforeApplicationShutdown();
      await connection.onApplicationShutdown();
    }
    relays.clear();
  }

  /** Each service's relay publishing what its journal holds unpublished (relays made afresh, as at a start). */
  async function relayAll(): Promise<void> {
    await relayOnly(...SCHEMAS);
  }

  async function relayOnly(...schemas: Schema[]): Promise<void> {
    await closeRelays();
    for (const schema of schemas) {
      const connection = new NatsConnectionService(nats.url, `relay-${schema}`);
      const relay = new OutboxRelay(orm(schema), connection, {
        schema,
        pollIntervalMs: 60_000,
        batchSize: 100,
        enabled: false,
      });
      relays.set(schema, { relay, connection });
      await relay.onApplicationBootstrap();
      while ((await relay.publishBatch()) > 0);
    }
  }

  function orm(schema: Schema): MikroORM {
    const found = orms.get(schema);
    if (!found) throw new Error(`no ORM for ${schema}`);
    return found;
  }

  /** Commits `count` events in one service's journal, one transaction each (so their commit times differ). */
  async function write(schema: Schema, count: number): Promise<void> {
    const outbox = new EventOutbox(schema);
    for (let i = 0; i < count; i++) {
      await orm(schema)
        .em.fork()
        .transactional((em) => {
          const id = randomUUID();
          if (schema === 'applications')
            outbox.record(em, OrganizationRegistered, {
              subject: id,
              aggregateVersion: 1,
              data: { ...EVENT_DATA_FIXTURES['tic.organization.registered'], organizationId: id },
            });
          else
            outbox.record(em, FundingAllocated, {
              subject: id,
              aggregateVersion: 1,
              data: { ...EVENT_DATA_FIXTURES['tic.funding.allocated'], allocationId: id },
            });
        });
    }
  }

  async function journal(schema: Schema): Promise<OutboxEvent[]> {
    return orm(schema)
      .em.fork()
      .find(OutboxEvent, {}, { orderBy: { position: 'asc' } });
  }

  function rebuild(publish = true) {
    const js = jetstream(nc);
    return new StreamRebuild(orm('funding'), jsm, new Map(SCHEMAS.map((schema) => [schema, js]))).run({ publish });
  }

  async function loseTheStore(): Promise<void> {
    await closeRelays();
    await nats.halt();
    nats.resetStore();
    await nats.start();
    await reconnect();
  }

  it('publishes every journal event into an empty stream once, each journal in position order, and records where', async () => {
    await write('funding', 7);
    await write('applications', 4);
    await write('funding', 6);
    await relayAll();
    await loseTheStore();

    const report = await rebuild();
    expect(report).toMatchObject({ journalEvents: 17, streamMessagesBefore: 0, missing: 17, published: 17 });
    expect(report.refused).toBe(false);

    const stream = (await readAllEvents(nats.url)).map((event) => event.id);
    expect(new Set(stream).size).toBe(17);
    for (const schema of SCHEMAS) {
      const rows = await journal(schema);
      // Positions 10 and over stay after 9: the journal is ordered by its number, not its text.
      expect(stream.filter((id) => rows.some((row) => row.eventId === id))).toEqual(rows.map((row) => row.eventId));
      for (const row of rows) {
        const message = await jsm.streams.getMessage(EVENT_STREAM, { seq: Number(row.streamSeq) });
        expect(message?.header.get('Nats-Msg-Id')).toBe(row.eventId);
        expect(row.publishedAt).not.toBeNull();
      }
    }
    // Interleaved by commit time: the applications events between the two funding runs.
    const applications = new Set((await journal('applications')).map((row) => row.eventId));
    expect(stream.map((id) => (applications.has(id) ? 'a' : 'f')).join('')).toBe('fffffffaaaaffffff');
  });

  it('publishes nothing the second time, and the relays find every event in place', async () => {
    const again = await rebuild();
    expect(again).toMatchObject({ journalEvents: 17, streamMessagesBefore: 17, missing: 0, published: 0 });
    await relayAll();
    expect((await jsm.streams.info(EVENT_STREAM)).state.messages).toBe(17);
    expect(await rebuild(false)).toMatchObject({ missing: 0, foreign: 0, duplicated: 0, refused: false });
  });

  it('checks without holding any relay back, and leaves the stream as the operator configured it', async () => {
    // A relay in the middle of a pass holds its lock; the check answers all the same.
    const checked = await orm('applications')
      .em.fork()
      .transactional(async (em) => {
        await em.execute("select pg_advisory_xact_lock(hashtext('applications.outbox_relay'))");
        return rebuild(false);
      });
    expect(checked).toMatchObject({ missing: 0, foreign: 0, refused: false });
    // A rebuild run beside the services must not bring the stream back to its own environment's settings
    // (a three-replica stream scaled down to the default of one).
    const fiveMinutesNs = 5 * 60 * 1_000_000_000;
    await jsm.streams.update(EVENT_STREAM, { subjects: ['tic.events.>'], duplicate_window: fiveMinutesNs });
    await rebuild();
    expect((await jsm.streams.info(EVENT_STREAM)).config.duplicate_window).toBe(fiveMinutesNs);
    await jsm.streams.update(EVENT_STREAM, { subjects: ['tic.events.>'], duplicate_window: 2 * 60 * 1_000_000_000 });
  });

  it('leaves events never published to the relays, which give them the next positions', async () => {
    await write('applications', 2);
    const report = await rebuild();
    expect(report).toMatchObject({ leftForRelays: 2, published: 0 });
    await relayAll();
    const rows = await journal('applications');
    expect(rows.map((row) => row.position)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect((await jsm.streams.info(EVENT_STREAM)).state.messages).toBe(19);
  });

  it('on a stream the relays refilled in part (started first on an empty JetStream), publishes only the rest', async () => {
    await loseTheStore();
    await relayOnly('applications');
    const report = await rebuild();
    expect(report).toMatchObject({ streamMessagesBefore: 6, missing: 13, published: 13, refused: false });
    const stream = (await readAllEvents(nats.url)).map((event) => event.id);
    expect(stream).toHaveLength(19);
    expect(new Set(stream).size).toBe(19);
    expect(stream.slice(6)).toEqual((await journal('funding')).map((row) => row.eventId));
  });

  it('reports, and does not record, messages deleted within the duplicate window (JetStream drops them again)', async () => {
    const rows = await journal('funding');
    const deleted = [rows[3], rows[11]];
    for (const row of deleted) await jsm.streams.deleteMessage(EVENT_STREAM, Number(row?.streamSeq));
    const report = await rebuild();
    expect(report).toMatchObject({ missing: 2, published: 0, heldByDuplicateWindow: 2, refused: false });
    expect((await jsm.streams.info(EVENT_STREAM)).state.messages).toBe(17);
    const after = await journal('funding');
    expect(after.filter((row) => deleted.some((d) => d?.eventId === row.eventId)).map((row) => row.streamSeq)).toEqual(
      deleted.map((row) => row?.streamSeq),
    );
  });

  it('refuses a stream holding an event no journal knows, and changes nothing', async () => {
    const stranger = createEvent(FundingAllocated, {
      id: randomUUID(),
      subject: randomUUID(),
      time: new Date().toISOString(),
      aggregateVersion: 1,
      data: { ...EVENT_DATA_FIXTURES['tic.funding.allocated'], allocationId: randomUUID() },
    });
    await jetstream(nc).publish('tic.events.funding.allocated', JSON.stringify(stranger), { msgID: stranger.id });
    const report = await rebuild();
    expect(report).toMatchObject({ foreign: 1, refused: true, published: 0 });
    expect((await jsm.streams.info(EVENT_STREAM)).state.messages).toBe(18);
  });
});
