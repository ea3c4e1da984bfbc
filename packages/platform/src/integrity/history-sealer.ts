import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';

import { SinglePass } from '../background/single-pass';

import { chainDay } from './chain-day';
import { chainHash, GENESIS_HASH } from './chain-hash';
import { HistoryRows } from './history-rows';

export interface HistorySealerOptions {
  /** The service's schema; names the sealer's advisory lock. */
  readonly schema: string;
  /** How often each instance looks for rows left unsealed (written by another instance, or before a crash). */
  readonly pollIntervalMs: number;
  readonly batchSize: number;
  /**
   * How long a pass after a commit waits for the commits around it (default 0): one pass then chains
   * many commands' rows, instead of a pass of five statements per command competing with the commands.
   */
  readonly gatherMs?: number;
  /** Off in tests that drive passes themselves. */
  readonly enabled?: boolean;
}

export interface SealPass {
  readonly sealed: number;
  /** Whether another pass could find more right away. */
  readonly more: boolean;
  /** Another instance held the sealer's lock. */
  readonly busy: boolean;
}

const BUSY_RETRY_MS = 250;

/**
 * Chains the service's history rows after they commit. Commands write their rows unhashed, so the
 * write path takes no lock beyond its own rows and replicas never queue behind one chain head; the
 * sealer alone, one instance at a time under a transaction-scoped advisory lock, gives committed rows
 * the next gap-free sequences and hash = SM3(previous hash ‖ canonical row) in batches. It runs after
 * each commit that wrote history (HistorySealKickSubscriber) and every poll interval. The chain's
 * order is the order of sealing, not of `at`; the window in which a row is unchained is the time to
 * the next pass, and verification reports rows left unsealed longer than it allows.
 *
 * When the head was last extended on a day before today (Beijing time, the database's clock), the
 * pass first writes that day's anchor: the chain's last sequence and head hash at the end of the day.
 */
export class HistorySealer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(HistorySealer.name);
  private readonly rows: HistoryRows;
  private timer?: NodeJS.Timeout;
  private retry?: NodeJS.Timeout;
  private gathering?: NodeJS.Timeout;
  private readonly passes = new SinglePass(
    () => this.drain(),
    () => !this.stopped && this.options.enabled !== false,
  );
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: HistorySealerOptions,
  ) {
    this.rows = new HistoryRows(options.schema);
  }

  onApplicationBootstrap(): void {
    if (this.options.enabled === false) return;
    this.timer = setInterval(() => {
      this.kick();
    }, this.options.pollIntervalMs);
    this.kick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.retry);
    clearTimeout(this.gathering);
    await this.passes.settled();
  }

  /** After a commit that wrote history: a pass once the gathering time is over. */
  kickSoon(): void {
    if (this.stopped || this.options.enabled === false || this.gathering !== undefined) return;
    this.gathering = setTimeout(() => {
      this.gathering = undefined;
      this.kick();
    }, this.options.gatherMs ?? 0);
  }

  /** Asks for a pass now; passes never overlap within an instance. */
  kick(): void {
    this.passes.kick();
  }

  /** Seals until nothing is left or another instance holds the lock; for tests and shutdown. */
  async drain(now?: Date): Promise<number> {
    let sealed = 0;
    try {
      for (;;) {
        const pass = await this.seal(now);
        sealed += pass.sealed;
        // The holder may have read the unsealed rows before this instance's commit: look again shortly.
        if (pass.busy) this.retryLater();
        if (!pass.more || this.stopped) return sealed;
      }
    } catch (error) {
      this.logger.error(`history sealing failed: ${error instanceof Error ? error.message : String(error)}`);
      return sealed;
    }
  }

  /** One pass: anchors a finished day, then chains up to a batch of rows. `now` stands in for the database's clock. */
  seal(now?: Date): Promise<SealPass> {
    return this.orm.em.fork().transactional(async (em): Promise<SealPass> => {
      const clock = await this.lock(em, now);
      if (clock === undefined) return { sealed: 0, more: false, busy: true };
      const [head] = await em.execute<{ lastSeq: string; headHash: string; sealedAt: Date }[]>(
        `select last_seq::text as "lastSeq", head_hash as "headHash", sealed_at as "sealedAt" from ${this.rows.head} where id = 1`,
      );
      if (head !== undefined && chainDay(new Date(head.sealedAt)) < chainDay(clock)) {
        await em.execute(
          `insert into ${this.rows.anchors} (day, last_seq, head_hash, anchored_at) values (?, ?::bigint, ?, ?)
           on conflict (day) do nothing`,
          [chainDay(new Date(head.sealedAt)), head.lastSeq, head.headHash, clock],
          'run',
        );
      }
      const rows = await this.rows.unsealed(em, this.options.batchSize);
      if (rows.length === 0) return { sealed: 0, more: false, busy: false };
      let seq = BigInt(head?.lastSeq ?? '0');
      let hash = head?.headHash ?? GENESIS_HASH;
      const sealed = rows.map((row) => {
        seq += 1n;
        hash = chainHash(hash, { ...row, chainSeq: String(seq) });
        return { id: row.id, seq: String(seq), hash };
      });
      await this.rows.seal(em, sealed);
      await em.execute(
        `insert into ${this.rows.head} (id, last_seq, head_hash, sealed_at) values (1, ?::bigint, ?, ?)
         on conflict (id) do update set last_seq = excluded.last_seq, head_hash = excluded.head_hash, sealed_at = excluded.sealed_at`,
        [String(seq), hash, clock],
        'run',
      );
      return { sealed: rows.length, more: rows.length === this.options.batchSize, busy: false };
    });
  }

  /** The instant of the pass when this instance holds the sealer's lock, undefined when another does. */
  private async lock(em: EntityManager, now: Date | undefined): Promise<Date | undefined> {
    const [row] = await em.execute<{ locked: boolean; now: Date }[]>(
      `select set_config('statement_timeout', '30000', true), pg_try_advisory_xact_lock(hashtext(?)) as locked,
              coalesce(?::timestamptz, clock_timestamp()) as now`,
      [`${this.options.schema}.history_sealer`, now ?? null],
    );
    return row?.locked === true ? new Date(row.now) : undefined;
  }

  private retryLater(): void {
    if (this.stopped || this.retry !== undefined || this.options.enabled === false) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.kick();
    }, BUSY_RETRY_MS);
  }
}
