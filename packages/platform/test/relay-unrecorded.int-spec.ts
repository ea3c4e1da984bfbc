import 'reflect-metadata';

import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { setTimeout as sleep } from 'node:timers/promises';

import { EVENT_STREAM } from '@tic/contracts';
import { eventually } from '@tic/testing';

import { OutboxRelay } from '../src';
import { RelayHarness } from './support/relay-harness';

const many = (n: number) => Array.from({ length: n }, () => ({}));

describe('the relay finds in the stream what the journal did not record (private NATS, real Postgres)', () => {
  let h: RelayHarness;
  const restarted: OutboxRelay[] = [];

  beforeAll(async () => {
    h = await RelayHarness.start('relay_unrecorded', { enabled: false });
    await h.relay.drain(); // its first pass reconciles (the stream back at its configuration) with nothing to publish
  }, 60_000);

  afterAll(async () => {
    for (const relay of restarted) await relay.beforeApplicationShutdown();
    await h?.close();
  });

  /** A relay process started again: it reconciles the journal with the stream before it publishes. */
  async function restartRelay(): Promise<void> {
    const relay = new OutboxRelay(h.orm, h.connection, {
      schema: 'funding',
      pollIntervalMs: 200,
      batchSize: 100,
      enabled: false,
    });
    restarted.push(relay);
    await relay.drain();
  }

  async function sql(statement: string, params: unknown[] = []): Promise<void> {
    await h.orm.em.fork().execute(statement, params);
  }

  async function setDuplicateWindow(ms: number): Promise<void> {
    const nc = await connect({ servers: h.nats.url });
    try {
      await (await jetstreamManager(nc)).streams.update(EVENT_STREAM, { duplicate_window: ms * 1_000_000 });
    } finally {
      await nc.close();
    }
  }

  async function published(ids: readonly string[]): Promise<Map<string, string | null | undefined>> {
    const rows = await h.rows();
    return new Map(rows.filter((row) => ids.includes(row.eventId)).map((row) => [row.eventId, row.streamSeq]));
  }

  it('records, instead of publishing again, events JetStream acknowledged before the relay died, past the duplicate window', async () => {
    await setDuplicateWindow(1_000);
    const ids = await h.write(many(3));
    await h.relay.drain();
    const acknowledged = await published(ids);
    expect([...acknowledged.values()].every((seq) => seq !== null)).toBe(true);

    // The relay died between JetStream's PubAcks and its commit; it comes back once the window has passed.
    await sql(
      `update "funding"."outbox_event" set published_at = null, stream_seq = null, position = null,
              created_at = created_at - interval '10 minutes' where event_id in (?)`,
      [ids],
    );
    await sleep(3_000); // three windows: nats-server has forgotten the message ids
    await restartRelay();

    const stream = await h.streamCounts();
    expect(ids.map((id) => stream.get(id))).toEqual([1, 1, 1]);
    expect(await published(ids)).toEqual(acknowledged);
    const rows = (await h.rows()).filter((row) => ids.includes(row.eventId));
    expect(rows.every((row) => row.publishedAt !== null && row.position !== null)).toBe(true);
  });

  it('gives rows published before stream sequences were kept theirs, and publishes again those the stream lost', async () => {
    const before = await h.write(many(4));
    await h.relay.drain();
    const sequences = await published(before);
    await h.write(many(2));
    await h.relay.drain();
    // What the kit's migration left: published rows without a stream sequence, below recorded ones.
    await sql(`update "funding"."outbox_event" set stream_seq = null where event_id in (?)`, [before]);
    const sent = before.map((id) => h.published.get(id));

    await restartRelay();
    expect(await published(before)).toEqual(sequences);
    await h.flushTap();
    expect(before.map((id) => h.published.get(id))).toEqual(sent); // nothing sent again

    // The same rows when the stream lost everything: back in the stream, each once.
    await sql(`update "funding"."outbox_event" set stream_seq = null where event_id in (?)`, [before]);
    await h.nats.kill();
    h.nats.resetStore();
    await h.nats.start();
    await eventually(async () => {
      await restartRelay();
      const rows = await h.rows();
      const stream = await h.streamCounts();
      expect(rows.map((row) => stream.get(row.eventId))).toEqual(rows.map(() => 1));
      for (const row of rows) expect(await h.idAt(Number(row.streamSeq))).toBe(row.eventId);
    }, 30_000);
  });
});
