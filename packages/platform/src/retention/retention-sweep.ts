import type { MikroORM } from '@mikro-orm/postgresql';
import { Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';

export interface RetentionOptions {
  /** How long a row is kept after the moment in its `column`. */
  readonly retentionDays: number;
  readonly sweepIntervalMs: number;
  /** Rows one statement deletes, so that a long backlog never holds many locks or one long transaction. */
  readonly batchSize?: number;
}

export interface RetentionSweepOptions extends RetentionOptions {
  readonly schema: string;
  readonly table: string;
  /** The date or timestamp column a row's age is measured from. */
  readonly column: string;
  /** What a row is, for the log: "idempotency keys". */
  readonly rows: string;
}

const DAY_MS = 86_400_000;

/**
 * Deletes a table's rows older than the retention period, in batches, on every instance: each batch
 * locks its rows with SKIP LOCKED, so instances sweeping at once delete disjoint rows and never wait on
 * each other, and a request writing a row meanwhile is not blocked either.
 */
export class RetentionSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RetentionSweep.name);
  private readonly table: string;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: RetentionSweepOptions,
  ) {
    this.table = `"${options.schema}"."${options.table}"`;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweepInBackground();
    }, this.options.sweepIntervalMs);
    this.sweepInBackground();
  }

  /** Deletes the rows dated before `now` minus the retention period; returns how many. */
  async sweep(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.options.retentionDays * DAY_MS);
    const batchSize = this.options.batchSize ?? 1000;
    let deleted = 0;
    for (;;) {
      const batch = await this.deleteBatch(cutoff, batchSize);
      deleted += batch;
      if (batch < batchSize) return deleted;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  // A pass still running when the next is due is left to finish; a failed one is retried next interval.
  private sweepInBackground(): void {
    if (this.sweeping) return;
    this.sweeping = this.sweep()
      .then((deleted) => {
        if (deleted > 0) this.logger.log(`forgot ${deleted} ${this.options.rows} past their retention`);
      })
      .catch((error: unknown) => {
        this.logger.warn(
          `retention sweep of ${this.options.rows} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => (this.sweeping = undefined));
  }

  // Rows are picked by ctid, so that one statement serves any table whatever its key.
  private async deleteBatch(cutoff: Date, batchSize: number): Promise<number> {
    const column = `"${this.options.column}"`;
    const rows = await this.orm.em.fork().execute<{ affectedRows?: number }>(
      `delete from ${this.table} where ctid = any(array(
         select ctid from ${this.table} where ${column} < ?
         order by ${column} limit ? for update skip locked))`,
      [cutoff, batchSize],
      'run',
    );
    return rows.affectedRows ?? 0;
  }
}
