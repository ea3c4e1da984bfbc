import type { MikroORM } from '@mikro-orm/postgresql';

import { RetentionSweep, type RetentionOptions } from '../retention/retention-sweep';

export interface IdempotencyRetentionOptions extends RetentionOptions {
  /** The service's schema. */
  readonly schema: string;
}

/** Forgets a command's Idempotency-Key after the retention period: the same key is then a new command. */
export class IdempotencyRetention extends RetentionSweep {
  constructor(orm: MikroORM, options: IdempotencyRetentionOptions) {
    super(orm, { ...options, table: 'idempotency_record', column: 'created_at', rows: 'idempotency keys' });
  }
}
