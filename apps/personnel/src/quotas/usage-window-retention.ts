import type { MikroORM } from '@mikro-orm/postgresql';

import { RetentionSweep } from '@tic/platform';

const HOUR_MS = 3_600_000;

/** Forgets users' daily quota windows PERSONNEL_QUOTA_RETENTION_DAYS after their day. */
export class UsageWindowRetention extends RetentionSweep {
  constructor(orm: MikroORM, retentionDays: number) {
    super(orm, {
      schema: 'personnel',
      table: 'usage_window',
      column: 'day',
      rows: 'daily quota windows',
      retentionDays,
      sweepIntervalMs: HOUR_MS,
    });
  }
}
