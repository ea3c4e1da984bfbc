import type { EntityManager } from '@mikro-orm/postgresql';
import type { JetStreamManager } from '@nats-io/jetstream';

import { EVENT_STREAM } from '@tic/contracts';

import { ensureEventStream } from './event-stream';
import type { OutboxRows, PublishedRow } from './outbox-rows';
import { isNoMessage } from './stream-lookup';
import { UnrecordedEvents } from './unrecorded-events';

export interface Reconciliation {
  /** Published rows found missing from the stream, now back in line for publication. */
  readonly lost: number;
  /** Unpublished rows found already in the stream (acknowledged, never recorded): recorded, not published again. */
  readonly recovered: number;
  /** Rows published before stream sequences were kept, given theirs. */
  readonly backfilled: number;
  /** Whether such rows are left for the next reconciliation. */
  readonly backfillPending: boolean;
  /** The stream's largest message (`max_msg_size`), or undefined when it has none. */
  readonly maxMessageBytes?: number;
}

const PAGE = 200;

/**
 * Compares what TIC_EVENTS holds with the journal, after a start, a reconnect or a missing stream,
 * and puts back in line every row the stream lost: a stream re-created empty, or the tail a host
 * crash took from nats-server's store before it was flushed.
 *
 * Each published row keeps the stream sequence of its PubAck. The stream is append-only and a crash
 * loses a tail, so a row is lost when its sequence lies outside [first, last], or when the message
 * at its sequence is another event's (another service, or the relay itself, published again after
 * the loss). Walking down from the highest recorded sequence, the first row found intact proves the
 * ones below it: one lookup when nothing was lost. Every other service publishes into the same
 * stream, so the comparison is by Nats-Msg-Id, never by counts. Then the rows it cannot place by a
 * recorded sequence are looked up by Nats-Msg-Id (UnrecordedEvents).
 */
export class OutboxReconciler {
  private readonly unrecorded: UnrecordedEvents;

  constructor(private readonly rows: OutboxRows) {
    this.unrecorded = new UnrecordedEvents(rows);
  }

  async reconcile(em: EntityManager, jsm: JetStreamManager): Promise<Reconciliation> {
    await ensureEventStream(jsm);
    const info = await jsm.streams.info(EVENT_STREAM);
    const { first_seq: firstSeq, last_seq: lastSeq, messages } = info.state;
    const maxMessageBytes = info.config.max_msg_size > 0 ? info.config.max_msg_size : undefined;
    // An empty stream holds nothing of ours, whatever its sequences say.
    let lost = await this.rows.markOutside(em, messages === 0 ? lastSeq + 1 : firstSeq, messages === 0 ? 0 : lastSeq);
    const missing: string[] = [];
    let atOrBelow: string | undefined;
    for (;;) {
      const page = await this.rows.newestPublished(em, PAGE, atOrBelow);
      const top = page[0]?.streamSeq;
      const bottom = page.at(-1)?.streamSeq;
      if (top === undefined || bottom === undefined) break;
      const full = page.length === PAGE;
      // A full page may cut the rows of its lowest sequence in two: they are checked whole with the next page.
      const checked = full && top !== bottom ? page.filter((row) => row.streamSeq !== bottom) : page;
      if (await this.firstIntact(jsm, checked, missing)) break;
      if (!full) break;
      atOrBelow = checked === page ? String(BigInt(bottom) - 1n) : bottom;
    }
    await this.rows.markLost(em, missing);
    lost += missing.length;
    const recovered = await this.unrecorded.recover(em, jsm, info.config.duplicate_window / 1_000_000);
    const backfill = await this.unrecorded.backfill(em, jsm, messages === 0 ? lastSeq + 1 : firstSeq);
    await this.rows.markLost(em, backfill.lost);
    lost += backfill.lost.length;
    return {
      lost,
      recovered,
      backfilled: backfill.found,
      backfillPending: backfill.pending,
      ...(maxMessageBytes === undefined ? {} : { maxMessageBytes }),
    };
  }

  /**
   * Checks a page from the top; collects the rows not in the stream and says whether an intact one
   * was found. Rows sharing a sequence (the slot taken again after a loss) are all checked: one of
   * them at most is the stream's message.
   */
  private async firstIntact(jsm: JetStreamManager, page: readonly PublishedRow[], missing: string[]): Promise<boolean> {
    let index = 0;
    while (index < page.length) {
      const streamSeq = page[index]?.streamSeq ?? '';
      const same = page.slice(index).filter((row) => row.streamSeq === streamSeq);
      const held = await this.eventIdAt(jsm, Number(streamSeq));
      let intact = false;
      for (const row of same) {
        if (row.eventId === held) intact = true;
        else missing.push(row.seq);
      }
      if (intact) return true;
      index += same.length;
    }
    return false;
  }

  private async eventIdAt(jsm: JetStreamManager, seq: number): Promise<string | undefined> {
    try {
      const message = await jsm.streams.getMessage(EVENT_STREAM, { seq });
      return message?.header.get('Nats-Msg-Id') || undefined;
    } catch (error) {
      if (isNoMessage(error)) return undefined;
      throw error;
    }
  }
}
