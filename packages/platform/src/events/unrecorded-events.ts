import type { EntityManager } from '@mikro-orm/postgresql';
import type { JetStreamManager } from '@nats-io/jetstream';

import { eventSubject } from '@tic/contracts';

import type { AckedRow, OutboxRows, UnsequencedRow } from './outbox-rows';
import { LookupBudget, walkSubject } from './stream-lookup';

// Stream messages one reconciliation may read looking rows up; the rest waits for the next one.
const LOOKUP_BUDGET = 2_000;
// Unpublished rows looked up per reconciliation.
const UNPUBLISHED_LIMIT = 1_000;

export interface Backfill {
  /** Rows whose stream sequence was found. */
  readonly found: number;
  /** Rows the stream does not hold, put back in line. */
  readonly lost: string[];
  /** Rows left for a later reconciliation (the lookup budget ran out). */
  readonly pending: boolean;
}

/**
 * Finds in the stream the events the journal cannot place by a recorded sequence:
 * - rows JetStream acknowledged but the relay died (or Postgres failed) before recording: published
 *   again past the duplicate window they would be stored twice, so they are looked up first;
 * - rows published before the journal kept stream sequences, which the reconciler could not check.
 */
export class UnrecordedEvents {
  /** Per subject, where the backfill goes on: walks made by this process cover the stream below it. */
  private readonly backfillFrom = new Map<string, number>();
  private backfillStart?: number;

  constructor(private readonly rows: OutboxRows) {}

  /**
   * Records, instead of publishing again, the unpublished rows old enough to have been published
   * before the duplicate window. The relay publishes in journal order and records the acknowledged
   * prefix, so such a message lies after the highest recorded stream sequence: the walk starts there.
   */
  async recover(em: EntityManager, jsm: JetStreamManager, duplicateWindowMs: number): Promise<number> {
    // Half the window: a row written since then was published, if at all, within the window (clock skew included).
    const candidates = await this.rows.unpublishedOlderThan(em, duplicateWindowMs / 2, UNPUBLISHED_LIMIT);
    if (candidates.length === 0) return 0;
    const from = (await this.rows.maxStreamSeq(em)) + 1;
    const found = await this.lookUp(jsm, candidates, () => from, new LookupBudget(LOOKUP_BUDGET));
    await this.rows.recordPublished(em, found.acked);
    return found.acked.length;
  }

  /** Gives rows published before stream sequences were kept theirs, or puts back in line those the stream lost. */
  async backfill(em: EntityManager, jsm: JetStreamManager, firstSeq: number): Promise<Backfill> {
    const candidates = await this.rows.publishedWithoutStreamSeq(em);
    if (candidates.length === 0) return { found: 0, lost: [], pending: false };
    if (this.backfillStart !== firstSeq) {
      // The stream changed under us (re-created, or its head removed): walk it again from its start.
      this.backfillFrom.clear();
      this.backfillStart = firstSeq;
    }
    const budget = new LookupBudget(LOOKUP_BUDGET);
    const { acked, complete } = await this.lookUp(
      jsm,
      candidates,
      (subject) => this.backfillFrom.get(subject) ?? firstSeq,
      budget,
      (subject, next) => this.backfillFrom.set(subject, next),
    );
    await this.rows.recordStreamSeqs(em, acked);
    const placed = new Set(acked.map((row) => row.seq));
    // A subject walked to its end from the stream's start: what was not met there is not in the stream.
    const lost = candidates
      .filter((row) => !placed.has(row.seq) && complete.has(eventSubject(row.type)))
      .map((row) => row.seq);
    return { found: acked.length, lost, pending: budget.left <= 0 };
  }

  private async lookUp(
    jsm: JetStreamManager,
    candidates: readonly UnsequencedRow[],
    from: (subject: string) => number,
    budget: LookupBudget,
    reached?: (subject: string, next: number) => void,
  ): Promise<{ acked: AckedRow[]; complete: Set<string> }> {
    const bySubject = new Map<string, Map<string, string>>();
    for (const row of candidates) {
      const subject = eventSubject(row.type);
      const rows = bySubject.get(subject) ?? new Map<string, string>();
      rows.set(row.eventId, row.seq);
      bySubject.set(subject, rows);
    }
    const acked: AckedRow[] = [];
    const complete = new Set<string>();
    for (const [subject, rows] of bySubject) {
      const walk = await walkSubject(jsm, subject, from(subject), new Set(rows.keys()), budget);
      for (const [eventId, streamSeq] of walk.found) acked.push({ seq: rows.get(eventId) ?? '', streamSeq });
      reached?.(subject, walk.next);
      if (walk.complete) complete.add(subject);
    }
    return { acked, complete };
  }
}
