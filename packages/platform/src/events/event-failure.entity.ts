import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The budget of logic failures of one event. JetStream's deliveryCount also counts the deliveries
 * that failed because Postgres or a lock was unavailable; those must not bring an event nearer to
 * being parked, so the failures that count are kept here, once Postgres can be reached. The
 * deliveries that found an earlier version missing count here too, against the consumer's gap budget.
 */
@Entity({ tableName: 'event_failure' })
export class EventFailure {
  @PrimaryKey({ type: 'text' })
  consumer!: string;

  @PrimaryKey({ type: 'text' })
  eventId!: string;

  @Property({ type: 'integer' })
  failures!: number;

  @Property({ type: 'text' })
  lastError!: string;

  @Property({ type: 'timestamptz' })
  lastFailedAt!: Date;
}
