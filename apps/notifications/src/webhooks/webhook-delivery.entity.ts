import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One event owed to one subscription. Deliveries with the same ordering key (the center, else the
 * event's subject) go out one at a time in feed order, so a receiver sees each center's events in order;
 * `leaseUntil` marks the one an instance is sending, so that several replicas never send it together
 * and a crashed instance's delivery is taken up again once the lease runs out.
 */
@Entity({ tableName: 'webhook_delivery' })
@Index({
  name: 'webhook_delivery_pending_head_index',
  expression:
    'create index "webhook_delivery_pending_head_index" on "notifications"."webhook_delivery" ("subscription_id", "ordering_key", "position", "id") where "status" = \'pending\'',
})
// The claim reads the earliest due deliveries first, whatever the backlog behind them.
@Index({
  name: 'webhook_delivery_pending_due_index',
  expression:
    'create index "webhook_delivery_pending_due_index" on "notifications"."webhook_delivery" ("next_attempt_at", "id") where "status" = \'pending\'',
})
// What each subscription has in flight (its bound), without reading its backlog.
@Index({
  name: 'webhook_delivery_leased_index',
  expression:
    'create index "webhook_delivery_leased_index" on "notifications"."webhook_delivery" ("subscription_id", "lease_until") where "status" = \'pending\' and "lease_until" is not null',
})
@Index({ properties: ['subscriptionId', 'id'] })
export class WebhookDelivery {
  [OptionalProps]?:
    'id' | 'status' | 'attempts' | 'leaseUntil' | 'leaseToken' | 'deliveredAt' | 'firstFailedAt' | 'createdAt';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  subscriptionId!: string;

  /** The event's position in the feed (GET /events). */
  @Property({ type: 'bigint' })
  position!: string;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'text' })
  eventType!: string;

  @Property({ type: 'text' })
  orderingKey!: string;

  @Property({ type: 'text' })
  status: WebhookDeliveryStatus = 'pending';

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null = null;

  /** Who holds the lease: an instance finishes a delivery only while the lease is still its own. */
  @Property({ type: 'uuid', nullable: true })
  leaseToken: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  firstFailedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
