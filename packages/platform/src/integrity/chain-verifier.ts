import type { ChainedRowFields } from './canonical-encoding';
import { chainHash, GENESIS_HASH } from './chain-hash';

/** A sealed history row as verification reads it: its fields and the hash the sealer stored. */
export interface SealedRow extends ChainedRowFields {
  readonly chainHash: string;
}

/** A day's anchor: the chain's last sequence and head hash when the day ended. */
export interface ChainAnchor {
  readonly day: string;
  readonly lastSeq: string;
  readonly headHash: string;
}

/** Where the sealer says the chain ends. */
export interface ChainHead {
  readonly lastSeq: string;
  readonly headHash: string;
}

/** One way the chain fails to verify, naming the rows (or day) concerned. */
export type ChainProblem =
  | { readonly check: 'removed'; readonly fromSeq: string; readonly toSeq: string; readonly nextId: string | null }
  | { readonly check: 'altered'; readonly seq: string; readonly id: string }
  | { readonly check: 'beyond-head'; readonly seq: string; readonly id: string }
  /** The recorded head (null: none at all) is not where the sealed rows end. */
  | { readonly check: 'head'; readonly headSeq: string | null; readonly lastSeq: string }
  | {
      readonly check: 'anchor';
      readonly day: string;
      readonly lastSeq: string;
      readonly source: 'table' | 'published';
      readonly reason: string;
    };

export interface ChainVerification {
  readonly rows: number;
  readonly anchors: number;
  readonly lastSeq: string;
  readonly problems: readonly ChainProblem[];
}

/**
 * Walks a chain in sequence order and reports what does not hold. Each row's hash is recomputed from
 * its fields and the previous row's stored hash, so an altered row fails alone (its successor still
 * links to the stored hash); a row rewritten together with its hash makes its successor fail instead.
 * A missing sequence is a removal; the head and every anchor must match the rows they name. Anchors
 * may come from the table and from a copy published outside the database, which an attacker with the
 * database alone cannot rewrite.
 */
export class ChainVerifier {
  private readonly problems: ChainProblem[] = [];
  private readonly anchorsBySeq = new Map<bigint, { anchor: ChainAnchor; source: 'table' | 'published' }[]>();
  private expectedSeq = 1n;
  private previousHash = GENESIS_HASH;
  private rows = 0;

  constructor(
    private readonly head: ChainHead | null,
    private readonly anchors: readonly ChainAnchor[],
    published: readonly ChainAnchor[] = [],
  ) {
    this.checkAnchorOrder(anchors);
    this.checkPublished(anchors, published);
    for (const [source, list] of [
      ['table', anchors],
      ['published', published],
    ] as const) {
      for (const anchor of list) {
        const seq = BigInt(anchor.lastSeq);
        this.anchorsBySeq.set(seq, [...(this.anchorsBySeq.get(seq) ?? []), { anchor, source }]);
      }
    }
  }

  /** The next sealed row, in chain sequence order. */
  accept(row: SealedRow): void {
    const seq = BigInt(row.chainSeq);
    this.rows += 1;
    if (this.head !== null && seq > BigInt(this.head.lastSeq)) {
      this.problems.push({ check: 'beyond-head', seq: row.chainSeq, id: row.id });
    } else if (seq !== this.expectedSeq) {
      this.problems.push({
        check: 'removed',
        fromSeq: String(this.expectedSeq),
        toSeq: String(seq - 1n),
        nextId: row.id,
      });
    } else if (chainHash(this.previousHash, row) !== row.chainHash) {
      this.problems.push({ check: 'altered', seq: row.chainSeq, id: row.id });
    }
    for (const { anchor, source } of this.anchorsBySeq.get(seq) ?? []) {
      if (anchor.headHash !== row.chainHash)
        this.problems.push(anchorProblem(anchor, source, `its head hash is not row ${row.chainSeq}'s hash`));
    }
    this.anchorsBySeq.delete(seq);
    this.expectedSeq = seq + 1n;
    this.previousHash = row.chainHash;
  }

  /** The verdict once every sealed row has been accepted. */
  finish(): ChainVerification {
    const lastSeq = String(this.expectedSeq - 1n);
    const headSeq = this.head?.lastSeq ?? '0';
    if (BigInt(headSeq) > this.expectedSeq - 1n) {
      this.problems.push({
        check: 'removed',
        fromSeq: String(this.expectedSeq),
        toSeq: headSeq,
        nextId: null,
      });
    }
    if (this.head !== null && BigInt(headSeq) === this.expectedSeq - 1n && this.head.headHash !== this.previousHash)
      this.problems.push({ check: 'head', headSeq, lastSeq });
    // Without its head the sealer would start the chain over, and rows cut from the end would go unseen.
    if (this.head === null && this.rows > 0) this.problems.push({ check: 'head', headSeq: null, lastSeq });
    for (const pending of this.anchorsBySeq.values())
      for (const { anchor, source } of pending)
        this.problems.push(anchorProblem(anchor, source, `row ${anchor.lastSeq} it names is not in the chain`));
    return { rows: this.rows, anchors: this.anchors.length, lastSeq, problems: this.problems };
  }

  private checkAnchorOrder(anchors: readonly ChainAnchor[]): void {
    const byDay = [...anchors].sort((a, b) => (a.day < b.day ? -1 : 1));
    byDay.forEach((anchor, i) => {
      const before = byDay[i - 1];
      if (before !== undefined && BigInt(anchor.lastSeq) < BigInt(before.lastSeq))
        this.problems.push(anchorProblem(anchor, 'table', `it ends before the day before it (${before.lastSeq})`));
    });
  }

  private checkPublished(anchors: readonly ChainAnchor[], published: readonly ChainAnchor[]): void {
    const stored = new Map(anchors.map((anchor) => [anchor.day, anchor]));
    for (const copy of published) {
      const own = stored.get(copy.day);
      if (own === undefined)
        this.problems.push(anchorProblem(copy, 'published', 'the anchor table no longer holds this day'));
      else if (own.lastSeq !== copy.lastSeq || own.headHash !== copy.headHash)
        this.problems.push(anchorProblem(copy, 'published', 'the anchor table holds another sequence or hash'));
    }
  }
}

function anchorProblem(anchor: ChainAnchor, source: 'table' | 'published', reason: string): ChainProblem {
  return { check: 'anchor', day: anchor.day, lastSeq: anchor.lastSeq, source, reason };
}
