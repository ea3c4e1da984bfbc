import { BigIntType, Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import type { CloudEvent } from '@tic/contracts';

/**
 * An event written in the same transaction as the change it reports, and kept: the service's event
 * journal. The relay publishes it to JetStream and gives it its journal position.
 */
@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['publishedAt', 'seq'] })
// The relay walks the journal back by stream sequence to find what a NATS crash lost (outbox-reconciler.ts).
@Index({ properties: ['streamSeq'] })
// The few rows the relay gave up on, whose aggregates wait behind them (outbox-rows.ts). Partial: a plain
// index on failed_at, null nearly everywhere, lured the planner into scanning it on every relay pass.
@Index({
  name: 'outbox_event_failed_idx',
  expression: (table, columns, name) =>
    `create index "${name}" on ${table.schema ? `"${table.schema}".` : ''}"${table.name}" ("${columns.subject}", "${columns.seq}") where "${columns.failedAt}" is not null and "${columns.publishedAt}" is null`,
})
export class OutboxEvent {
  [OptionalProps]?: 'seq' | 'publishedAt' | 'position' | 'streamSeq' | 'attempts' | 'lastError' | 'failedAt';

  // Strings: a bigint outgrows a JSON number long before it outgrows the column.
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  seq!: string;

  @Property({ type: 'uuid', unique: true })
  eventId!: string;

  @Property({ type: 'text' })
  type!: string;

  /** The aggregate's id (the CloudEvents `subject`). */
  @Property({ type: 'uuid' })
  subject!: string;

  @Property({ type: 'integer' })
  aggregateVersion!: number;

  @Property({ type: 'jsonb' })
  document!: CloudEvent;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  /**
   * Order of publication, assigned by the one relay pass that holds the lock, so that a reader paging
   * through the journal by position never skips an event committed late.
   */
  @Property({ type: new BigIntType('string'), nullable: true, unique: true })
  position?: string | null;

  /**
   * The TIC_EVENTS sequence JetStream acknowledged for this event; compared with the stream after a
   * NATS restart or crash to find what the stream lost (null until published, and again once found lost).
   */
  @Property({ type: new BigIntType('string'), nullable: true })
  streamSeq?: string | null;

  /** Publications JetStream refused (not counting timeouts, lost connections or a missing stream). */
  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  /**
   * Set when the relay gave up on the event (it can never be published as it is); the later events
   * of the same aggregate then wait behind it until an operator releases it (OutboxRelay.release).
   */
  @Property({ type: 'timestamptz', nullable: true })
  failedAt?: Date | null;
}
