import 'reflect-metadata';

import { eventually } from '@tic/testing';

import { EventTooLargeError, OutboxEvent } from '../src';
import { RelayHarness } from './support/relay-harness';

// The private nats-server takes messages up to 16 KiB; the outbox itself accepts up to 1 MB.
const MAX_PAYLOAD = 16 * 1024;

describe('the outbox relay publishes in batches and gets past events that fail (real Postgres and nats-server)', () => {
  let h: RelayHarness;

  beforeAll(async () => {
    h = await RelayHarness.start(
      'relay_publication',
      { enabled: false, ackTimeoutMs: 1000 },
      { maxPayload: MAX_PAYLOAD },
    );
    await h.relay.publishBatch(); // the first pass compares the empty journal with the stream
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('sends a batch without waiting for each ack and records only the acknowledged prefix', async () => {
    // The stream refuses messages over 8 KiB; the relay learnt the stream's limits before this change.
    await h.setStreamMaxMessageBytes(8 * 1024);
    const ids = await h.write([{}, {}, { padding: 12_000 }, {}, {}]);

    expect(await h.relay.publishBatch()).toBe(2);
    await h.flushTap();
    // All five went out in the pass: the relay did not wait for the third ack before sending the rest.
    expect(ids.map((id) => h.published.get(id))).toEqual([1, 1, 1, 1, 1]);
    const [first, second, refused, fourth, fifth] = await Promise.all(ids.map((id) => h.row(id)));
    expect([first?.publishedAt, second?.publishedAt]).toEqual([expect.any(Date), expect.any(Date)]);
    expect([refused?.publishedAt, fourth?.publishedAt, fifth?.publishedAt]).toEqual([null, null, null]);
    expect(refused).toMatchObject({
      attempts: 1,
      lastError: expect.stringMatching(/maximum/i),
      failedAt: expect.any(Date),
    });
    // The stream sequence of each PubAck is kept, and is where the stream holds the event.
    expect(await h.idAt(Number(first?.streamSeq))).toBe(ids[0]);
    expect(await h.idAt(Number(second?.streamSeq))).toBe(ids[1]);

    // The next pass records the rows after the refused one, without sending the rows before it again.
    expect(await h.relay.publishBatch()).toBe(2);
    await h.flushTap();
    expect(ids.map((id) => h.published.get(id))).toEqual([1, 1, 1, 2, 2]);
    expect((await h.row(ids[3] ?? '')).publishedAt).toEqual(expect.any(Date));
    expect(await h.relay.publishBatch()).toBe(0);

    const stream = await h.streamCounts();
    expect(ids.map((id) => stream.get(id) ?? 0)).toEqual([1, 1, 0, 1, 1]);
    await h.setStreamMaxMessageBytes(-1);
  });

  it('flags an event NATS can never carry and holds its aggregate behind it, while other aggregates flow', async () => {
    const x = '0b7f1c52-3f4e-4b8f-9d7a-2a9d6c0e5f11';
    const ids = await h.write([
      { subject: x, aggregateVersion: 1 },
      {},
      { subject: x, aggregateVersion: 2, padding: 20_000 },
      { subject: x, aggregateVersion: 3 },
      {},
    ]);
    await h.relay.drain();
    await h.flushTap();

    const [x1, other, x2, x3, last] = await Promise.all(ids.map((id) => h.row(id)));
    expect([x1, other, last].map((row) => row?.publishedAt)).toEqual([
      expect.any(Date),
      expect.any(Date),
      expect.any(Date),
    ]);
    expect(x2).toMatchObject({
      publishedAt: null,
      attempts: 1,
      failedAt: expect.any(Date),
      lastError: expect.stringMatching(/max_payload/),
    });
    // Consumers see x stop at version 1, never 3 without 2: version 3 waits unflagged behind version 2.
    expect(x3).toMatchObject({ publishedAt: null, failedAt: null, attempts: 0 });
    expect([h.published.get(ids[2] ?? ''), h.published.get(ids[3] ?? '')]).toEqual([undefined, undefined]);
    expect(await h.relay.publishBatch()).toBe(0);

    // Released by an operator, it is tried again, fails the same way, and holds its aggregate again.
    expect(await h.relay.release(ids[2] ?? '')).toBe(true);
    await h.relay.drain();
    expect(await h.row(ids[2] ?? '')).toMatchObject({ attempts: 1, failedAt: expect.any(Date) });
  });

  it('refuses at write time an event over the outbox limit, and the whole transaction with it', async () => {
    const before = await h.orm.em.fork().count(OutboxEvent);
    const failure = await h.write([{}, { padding: 1_100_000 }]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EventTooLargeError);
    expect((failure as EventTooLargeError).error).toMatchObject({ code: 'invalid_input' });
    expect(await h.orm.em.fork().count(OutboxEvent)).toBe(before);
  });

  it('re-creates a deleted stream and publishes the journal into it again, each event once', async () => {
    const nc = await h.connection.jetstreamManager();
    await nc.streams.delete('TIC_EVENTS');
    const late = await h.write([{}, {}]);
    await h.relay.drain();

    const rows = await h.rows();
    const journal = rows.filter((row) => row.publishedAt !== null);
    // Only the two refused events and the one held behind the second are left out.
    expect(rows.length - journal.length).toBe(3);
    await eventually(async () => {
      const stream = await h.streamCounts();
      expect(journal.map((row) => stream.get(row.eventId) ?? 0)).toEqual(journal.map(() => 1));
      expect(stream.size).toBe(journal.length);
    });
    expect(late.length).toBe(2);
    for (const row of await h.rows()) {
      if (row.publishedAt) expect(await h.idAt(Number(row.streamSeq))).toBe(row.eventId);
    }
  });
});
