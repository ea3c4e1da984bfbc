import type { WebhookSubscriptionDto } from '@tic/contracts';

import type { WebhookSubscription } from './webhook-subscription.entity';

/** A subscription as the API shows it: never its secrets. */
export function toSubscriptionDto(subscription: WebhookSubscription): WebhookSubscriptionDto {
  return {
    id: subscription.id,
    organizationId: subscription.organizationId,
    url: subscription.url,
    description: subscription.description,
    types: [...subscription.types],
    centerIds: [...subscription.centerIds],
    cityCodes: [...subscription.cityCodes],
    status: subscription.status,
    disabledReason: subscription.disabledReason,
    disabledAt: subscription.disabledAt?.toISOString() ?? null,
    previousSecretValidUntil: subscription.previousSecretValidUntil?.toISOString() ?? null,
    version: subscription.version,
    createdAt: subscription.createdAt.toISOString(),
  };
}
