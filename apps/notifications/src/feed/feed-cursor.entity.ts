import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * How far into the stream the feed has recorded: the last stream sequence, of the stream created at
 * `streamCreated` (a stream re-created from the journals numbers its messages from 1 again). One row.
 */
@Entity({ tableName: 'feed_cursor' })
export class FeedCursor {
  @PrimaryKey({ type: 'text' })
  stream!: string;

  @Property({ type: 'bigint' })
  lastSequence!: string;

  @Property({ type: 'text' })
  streamCreated!: string;
}
