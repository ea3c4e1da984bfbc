import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A message a consumer could not apply (malformed, or failing every retry), kept for an operator. */
@Entity({ tableName: 'parked_event' })
export class ParkedEvent {
  [OptionalProps]?: 'id';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  consumer!: string;

  @Property({ type: 'text' })
  natsSubject!: string;

  @Property({ type: 'bigint' })
  streamSequence!: string;

  @Property({ type: 'text' })
  payload!: string;

  @Property({ type: 'jsonb' })
  errors!: readonly { path: string; message: string }[];

  @Property({ type: 'timestamptz' })
  parkedAt!: Date;
}
