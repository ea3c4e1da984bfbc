import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The version guard: the last `aggregateversion` a consumer applied for one aggregate. The row is
 * locked while an event is applied, so replicas of a service apply one aggregate's events in order.
 */
@Entity({ tableName: 'consumer_position' })
export class ConsumerPosition {
  @PrimaryKey({ type: 'text' })
  consumer!: string;

  @PrimaryKey({ type: 'text' })
  aggregateId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
