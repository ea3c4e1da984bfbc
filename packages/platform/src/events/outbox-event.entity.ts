import { BigIntType, Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import type { CloudEvent } from '@tic/contracts';

/**
 * An event written in the same transaction as the change it reports, and kept: the service's event
 * journal. The relay publishes it to JetStream and gives it its journal position.
 */
@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['publishedAt', 'seq'] })
export class OutboxEvent {
  [OptionalProps]?: 'seq' | 'publishedAt' | 'position';

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
}
