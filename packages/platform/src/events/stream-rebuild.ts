import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';

import { eventSubject, type CloudEvent } from '@tic/contracts';

import { createEventStreamIfMissing } from './event-stream';
import { interleaveJournals, runsOf, type JournalEntry } from './journal-order';
import { OutboxRows, type AckedRow } from './outbox-rows';
import { takeStreamInventory, type StreamInventory } from './stream-inventory';

export interface StreamRebuildReport {
  /** Journal events that have a position (were published once): what the stream must hold. */
  readonly journalEvents: number;
  readonly streamMessagesBefore: number;
  /** Journal events the stream lacked, published in journal order (0 when only checking). */
  readonly published: number;
  /** Journal events the stream lacks (before publishing). */
  readonly missing: number;
  /** Messages whose event no journal holds (newer than a restored backup, say). */
  readonly foreign: number;
  /** Events the stream holds more than once. */
  readonly duplicated: number;
  /** Messages without an event id. */
  readonly unnamed: number;
  /** Events never published (no position): the relays publish them when the services run. */
  readonly leftForRelays: number;
  /**
   * Missing events JetStream took for duplicates (their messages were deleted less than the duplicate
   * window ago): not stored, left as they were; a run after the window publishes them.
   */
  readonly heldByDuplicateWindow: number;
  /** Whether the stream holds what no journal explains, so that only an emptied stream can be rebuilt. */
  readonly refused: boolean;
}

const RUN = 500;

/**
 * Makes TIC_EVENTS hold every journal event of the given services exactly once: compares the stream
 * with the journals by event id, and publishes what it lacks in journal order, interleaved between
 * services by commit time (into an empty stream, that is the whole journal in order). A stream
 * holding events no journal knows, or one twice, is left alone and reported: it must be emptied
 * first. Each service's events go out on its own connection (its NATS user may publish only its
 * subjects). Runs in one transaction holding every relay lock, so that no relay publishes meanwhile.
 */
export class StreamRebuild {
  constructor(
    private readonly orm: MikroORM,
    private readonly jsm: JetStreamManager,
    /** Per service (its schema's name), the connection its events are published on. */
    private readonly publishers: ReadonlyMap<string, JetStreamClient>,
  ) {}

  run(options: { publish: boolean }): Promise<StreamRebuildReport> {
    return this.orm.em.fork().transactional(async (em) => {
      const services = [...this.publishers.keys()].sort();
      // A check only reads: it holds no relay back (a relay publishing meanwhile shows as missing, and a
      // second check settles it); a rebuild holds them all, so that no relay publishes while it does.
      if (options.publish) {
        for (const service of services) {
          await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`${service}.outbox_relay`]);
        }
        await createEventStreamIfMissing(this.jsm);
      }
      const inventory = await takeStreamInventory(this.jsm);
      const journals: JournalEntry[][] = [];
      const known = new Set<string>();
      let leftForRelays = 0;
      for (const service of services) {
        const rows = await journalOf(em, service);
        journals.push(rows.filter((row) => row.position !== null) as JournalEntry[]);
        for (const row of rows) known.add(row.eventId);
        leftForRelays += rows.filter((row) => row.position === null).length;
      }
      const ordered = interleaveJournals(journals);
      const missing = ordered.filter((entry) => !inventory.sequences.has(entry.eventId));
      const ids = [...inventory.sequences.keys()];
      const report = {
        journalEvents: ordered.length,
        streamMessagesBefore: inventory.messages,
        published: 0,
        heldByDuplicateWindow: 0,
        missing: missing.length,
        foreign: ids.filter((id) => !known.has(id)).length,
        duplicated: ids.filter((id) => (inventory.sequences.get(id)?.length ?? 0) > 1).length,
        unnamed: inventory.unnamed,
        leftForRelays,
      };
      const refused = report.foreign + report.duplicated + report.unnamed > 0;
      if (refused || !options.publish) return { ...report, refused };
      await this.recordFound(em, ordered, inventory);
      for (const run of runsOf(missing, RUN)) {
        const { stored, held } = await this.publishRun(em, run);
        report.published += stored;
        report.heldByDuplicateWindow += held;
      }
      return { ...report, refused };
    });
  }

  /** Journal events already in the stream keep the sequence they are found at. */
  private async recordFound(em: EntityManager, ordered: readonly JournalEntry[], inventory: StreamInventory) {
    for (const service of this.publishers.keys()) {
      const found: AckedRow[] = ordered.flatMap((entry) => {
        const streamSeq = entry.service === service ? inventory.sequences.get(entry.eventId)?.[0] : undefined;
        return streamSeq === undefined ? [] : [{ seq: entry.seq, streamSeq }];
      });
      await new OutboxRows(service).recordPublished(em, found);
    }
  }

  private async publishRun(em: EntityManager, run: readonly JournalEntry[]): Promise<{ stored: number; held: number }> {
    const service = run[0]?.service ?? '';
    const js = this.publishers.get(service);
    if (!js) throw new Error(`no NATS connection for ${service}`);
    const documents = await documentsOf(em, service, run);
    const acks = await Promise.all(
      run.map((entry) => {
        const headers = natsHeaders();
        headers.set('Content-Type', 'application/cloudevents+json');
        return js.publish(eventSubject(entry.type), JSON.stringify(documents.get(entry.seq)), {
          msgID: entry.eventId,
          headers,
        });
      }),
    );
    // A duplicate's sequence is the deleted message's: recording it would place the event where nothing is.
    const acked = run.flatMap((entry, index) => {
      const ack = acks[index];
      return ack && !ack.duplicate ? [{ seq: entry.seq, streamSeq: ack.seq }] : [];
    });
    await new OutboxRows(service).recordPublished(em, acked);
    return { stored: acked.length, held: run.length - acked.length };
  }
}

type JournalRow = Omit<JournalEntry, 'position'> & { readonly position: string | null };

async function journalOf(em: EntityManager, service: string): Promise<JournalRow[]> {
  const rows = await em.execute<(Omit<JournalRow, 'service'> & { createdAt: Date | string })[]>(
    // Ordered by the table's bigint column (o.position), not by the text the select turns it into.
    `select o.seq::text as "seq", o.event_id as "eventId", o.type, o.position::text as "position", o.created_at as "createdAt"
       from "${service}"."outbox_event" o order by o.position nulls last, o.seq`,
  );
  return rows.map((row) => ({ ...row, service, createdAt: new Date(row.createdAt) }));
}

async function documentsOf(
  em: EntityManager,
  service: string,
  run: readonly JournalEntry[],
): Promise<Map<string, CloudEvent>> {
  const rows = await em.execute<{ seq: string; document: CloudEvent }[]>(
    `select seq::text as "seq", document from "${service}"."outbox_event" where seq in (?)`,
    [run.map((entry) => entry.seq)],
  );
  return new Map(rows.map((row) => [row.seq, row.document]));
}
