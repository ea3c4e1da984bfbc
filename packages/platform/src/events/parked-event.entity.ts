import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** Why a message was parked instead of applied. */
export type ParkReason =
  /** It is not an event of the catalogue (not JSON, unknown type, broken schema). */
  | 'malformed'
  /** Its handler failed with a logic error as many times as the budget allows. */
  | 'failed'
  /** An earlier version of its aggregate is parked: applying it now would break the order. */
  | 'held'
  /** An earlier version of its aggregate did not arrive within the consumer's budget of redeliveries. */
  | 'version_gap';

/** A message a consumer could not apply, kept for an operator until it is replayed. */
@Entity({ tableName: 'parked_event' })
@Unique({ properties: ['consumer', 'eventId'] })
@Index({ properties: ['consumer', 'aggregateId', 'aggregateVersion'] })
export class ParkedEvent {
  [OptionalProps]?: 'id' | 'replayedAt' | 'replayAttempts';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  consumer!: string;

  @Property({ type: 'text' })
  reason!: ParkReason;

  @Property({ type: 'text', nullable: true })
  eventId!: string | null;

  @Property({ type: 'text', nullable: true })
  aggregateId!: string | null;

  @Property({ type: 'integer', nullable: true })
  aggregateVersion!: number | null;

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

  /** Set when a replay applied it (or found it already applied); a parked row is never deleted. */
  @Property({ type: 'timestamptz', nullable: true })
  replayedAt: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  replayAttempts = 0;
}
