import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A reaction to recorded events that failed on a logic error (a template that cannot render): set aside
 * for an operator with the positions it covers, rather than holding back every agency's feed.
 */
@Entity({ tableName: 'feed_reaction_failure' })
export class FeedReactionFailure {
  [OptionalProps]?: 'id' | 'failedAt';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  listener!: string;

  @Property({ type: 'bigint' })
  firstPosition!: string;

  @Property({ type: 'bigint' })
  lastPosition!: string;

  @Property({ type: 'text' })
  error!: string;

  @Property({ type: 'timestamptz' })
  failedAt: Date = new Date();
}
