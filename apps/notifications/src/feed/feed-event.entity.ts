import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

import type { TicEvent } from '@tic/contracts';

/**
 * One event of the platform as agencies read it: `position` numbers the feed in the order the stream
 * delivered it (one batch outstanding at a time across replicas), so a cursor never skips a row that
 * commits later. Keyed by the event id as well: a re-published event or a stream rebuilt from the
 * journals lands on the row it already has.
 */
@Entity({ tableName: 'feed_event' })
@Index({ properties: ['centerId', 'position'] })
@Index({ properties: ['type', 'position'] })
export class FeedEvent {
  [OptionalProps]?: 'position' | 'recordedAt';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  position!: string;

  @Unique()
  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'uuid', nullable: true })
  centerId!: string | null;

  /** The center's city (GB/T 2260, six digits ending 00), for the city filter. */
  @Property({ type: 'text', nullable: true })
  cityCode!: string | null;

  /** An application event's step (`data.to`): a reader sees an application's events as it may read it then. */
  @Property({ type: 'text', nullable: true })
  applicationStatus!: string | null;

  @Property({ type: 'jsonb' })
  document!: TicEvent;

  @Property({ type: 'timestamptz' })
  recordedAt: Date = new Date();
}
