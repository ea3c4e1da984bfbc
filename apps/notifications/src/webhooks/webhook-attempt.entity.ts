import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** One POST of a delivery, as the agency reads it in the delivery log. */
@Entity({ tableName: 'webhook_attempt' })
@Index({ properties: ['deliveryId', 'id'] })
export class WebhookAttempt {
  [OptionalProps]?: 'id' | 'statusCode' | 'error';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'bigint' })
  deliveryId!: string;

  @Property({ type: 'uuid' })
  subscriptionId!: string;

  @Property({ type: 'timestamptz' })
  attemptedAt!: Date;

  @Property({ type: 'integer', nullable: true })
  statusCode: number | null = null;

  @Property({ type: 'integer' })
  durationMs!: number;

  @Property({ type: 'text', nullable: true })
  error: string | null = null;
}
