import { Entity, EntityRepositoryType, Index, Property } from '@mikro-orm/core';

import { AggregateRoot } from '@tic/platform';

import { WebhookSubscriptionRepository } from './webhook-subscription.repository';

export type WebhookSubscriptionStatus = 'active' | 'disabled';

/**
 * An agency's webhook (CONTRACT.md, Events, way 1): where its events go, which ones, and the secret
 * that signs them. The secret is stored as it is, not hashed: Standard Webhooks signs every delivery
 * with an HMAC keyed by it, so the service must hold the key itself (a hash could only check a secret
 * someone presents, and no one presents it here). It is shown to the agency once and never read back
 * through the API.
 */
@Entity({ tableName: 'webhook_subscription', repository: () => WebhookSubscriptionRepository })
@Index({ properties: ['organizationId', 'id'] })
export class WebhookSubscription extends AggregateRoot<
  | 'status'
  | 'disabledReason'
  | 'disabledAt'
  | 'previousSecret'
  | 'previousSecretValidUntil'
  | 'failingSince'
  | 'updatedAt'
> {
  [EntityRepositoryType]?: WebhookSubscriptionRepository;

  @Property({ type: 'uuid' })
  organizationId!: string;

  /** The role it was registered in: its deliveries see what that role sees in GET /events. */
  @Property({ type: 'text' })
  ownerRole!: string;

  @Property({ type: 'text' })
  url!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text[]' })
  types!: string[];

  @Property({ type: 'uuid[]' })
  centerIds!: string[];

  @Property({ type: 'text[]' })
  cityCodes!: string[];

  @Property({ type: 'text' })
  status: WebhookSubscriptionStatus = 'active';

  @Property({ type: 'text', nullable: true })
  disabledReason: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null = null;

  /** `whsec_` and base64 of 32 random bytes. */
  @Property({ type: 'text' })
  secret!: string;

  /** The secret before the last rotation, which keeps signing until `previousSecretValidUntil`. */
  @Property({ type: 'text', nullable: true })
  previousSecret: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  previousSecretValidUntil: Date | null = null;

  /** When its current run of failed attempts began (none since the last 2xx); null while it succeeds. */
  @Property({ type: 'timestamptz', nullable: true })
  failingSince: Date | null = null;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
