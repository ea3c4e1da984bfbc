import type { MikroORM } from '@mikro-orm/postgresql';
import { Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';

export interface IdempotencyRetentionOptions {
  /** The service's schema. */
  readonly schema: string;
  /** How long a key is remembered; a key used again after that is a new command. */
  readonly retentionDays: number;
  readonly sweepIntervalMs: number;
  /** Rows one statement deletes, so that a long backlog never holds many locks or one long transaction. */
  readonly batchSize?: number;
}

const DAY_MS = 86_400_000;

/**
 * Forgets idempotency records older than the retention period, in batches, on every instance: each
 * batch locks its rows with SKIP LOCKED, so instances sweeping at once delete disjoint rows and never
 * wait on each other, and a command claiming a key meanwhile is not blocked either.
 */
export class IdempotencyRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IdempotencyRetention.name);
  private readonly table: string;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: IdempotencyRetentionOptions,
  ) {
    this.table = `"${options.schema}"."idempotency_record"`;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweepInBackground();
    }, this.options.sweepIntervalMs);
    this.sweepInBackground();
  }

  /** Deletes the records created before `now` minus the retention period; returns how many. */
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
        if (deleted > 0) this.logger.log(`forgot ${deleted} idempotency keys past their retention`);
      })
      .catch((error: unknown) => {
        this.logger.warn(
          `idempotency retention sweep failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => (this.sweeping = undefined));
  }

  private async deleteBatch(cutoff: Date, batchSize: number): Promise<number> {
    const rows = await this.orm.em.fork().execute<{ affectedRows?: number }>(
      `delete from ${this.table} where (caller_id, key) in (
         select caller_id, key from ${this.table} where created_at < ?
         order by created_at limit ? for update skip locked)`,
      [cutoff, batchSize],
      'run',
    );
    return rows.affectedRows ?? 0;
  }
}
