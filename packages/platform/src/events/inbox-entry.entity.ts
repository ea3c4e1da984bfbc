import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** An event a consumer has applied; written in the same transaction as the effect, so a redelivery has none. */
@Entity({ tableName: 'inbox_entry' })
export class InboxEntry {
  @PrimaryKey({ type: 'text' })
  consumer!: string;

  @PrimaryKey({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'timestamptz' })
  processedAt!: Date;
}
