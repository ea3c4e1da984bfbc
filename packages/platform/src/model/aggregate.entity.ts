import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What every aggregate that publishes events shares: its id, the row version that guards concurrent
 * changes (CONTRACT.md: 409 on a stale one), the number of its last event, and its creation time.
 */
@Entity({ abstract: true })
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- MikroORM's way for a subclass to add optional properties
export abstract class AggregateRoot<Optional extends string = never> {
  [OptionalProps]?: 'version' | 'eventVersion' | 'createdAt' | Optional;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  /** Number of the last event published about it (see event-version.ts). */
  @Property({ type: 'integer' })
  eventVersion: number = 0;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
