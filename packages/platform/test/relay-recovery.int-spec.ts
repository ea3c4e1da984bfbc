import 'reflect-metadata';

import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';

import { createEvent, FundingAllocated } from '@tic/contracts';
import { EVENT_DATA_FIXTURES } from '@tic/contracts/fixtures';
import { eventually } from '@tic/testing';

import { RelayHarness } from './support/relay-harness';

const many = (n: number) => Array.from({ length: n }, () => ({}));

describe('the relay after NATS restarts and crashes (a private nats-server killed, its store lost)', () => {
  let h: RelayHarness;

  beforeAll(async () => {
    h = await RelayHarness.start('relay_recovery', { enabled: true, ackTimeoutMs: 1000 });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  /** Every journal row published, and each event in the stream exactly once, at the sequence the row records. */
  async function expectJournalEqualsStream(foreign: readonly string[] = []): Promise<void> {
    await eventually(
      async () => {
        const rows = await h.rows();
        expect(rows.filter((row) => row.publishedAt === null)).toEqual([]);
        const stream = await h.streamCounts();
        expect(rows.map((row) => stream.get(row.eventId))).toEqual(rows.map(() => 1));
        expect(stream.size).toBe(rows.length + foreign.length);
        for (const row of rows) expect(await h.idAt(Number(row.streamSeq))).toBe(row.eventId);
      },
      30_000,
      100,
    );
  }

  async function publishForeign(count: number): Promise<string[]> {
    const nc = await connect({ servers: h.nats.url });
    const js = jetstream(nc);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const event = createEvent(FundingAllocated, {
        id: randomUUID(),
        subject: randomUUID(),
        time: new Date().toISOString(),
        aggregateVersion: 1,
        data: { ...EVENT_DATA_FIXTURES['tic.funding.allocated'], allocationId: randomUUID() },
      });
      await js.publish('tic.events.funding.allocated', JSON.stringify(event), { msgID: event.id });
      ids.push(event.id);
    }
    await nc.close();
    return ids;
  }

  it('loses nothing and repeats nothing across a clean restart', async () => {
    await h.write(many(20));
    await expectJournalEqualsStream();
    await h.nats.halt();
    await h.write(many(10)); // committed while NATS is down
    await h.nats.start();
    await expectJournalEqualsStream();
  });

  it('publishes again the tail a host crash took from the store, even after others published into its slots', async () => {
    // What the disk held at the last flush: the server stopped cleanly, its store copied aside.
    await h.nats.halt();
    const flushed = h.nats.snapshot();
    await h.nats.start();
    await h.write(many(25));
    await eventually(async () => {
      expect((await h.rows()).filter((row) => row.publishedAt === null)).toEqual([]);
    }, 30_000);

    // The crash: SIGKILL, and the store as it was at the last flush; another service publishes first.
    await h.nats.kill();
    h.nats.resetStore(flushed);
    await h.nats.start();
    const foreign = await publishForeign(3);
    await expectJournalEqualsStream(foreign);
  });

  it('fills a fresh nats-server started on the same port with the whole journal, each event once', async () => {
    await h.nats.kill();
    h.nats.resetStore();
    await h.nats.start();
    await h.write(many(5));
    await expectJournalEqualsStream();
  });
});
