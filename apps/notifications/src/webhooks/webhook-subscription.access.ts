import type { EntityManager } from '@mikro-orm/postgresql';

import { notFound } from '@tic/domain';
import { type Caller, findForUpdate, requireAccess, RpcFailure } from '@tic/platform';

import { WebhookSubscription } from './webhook-subscription.entity';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';

/** Refuses anyone but agencies and DST before anything is looked up (403, not a lookup of ids). */
export function requireWebhookUser(caller: Caller): void {
  requireAccess(caller, 'webhook_subscription.use', { kind: 'webhook_subscription' });
}

/**
 * The subscription `id` if the caller may take `action` on it; another agency's is "not found", the same
 * as one that does not exist (CONTRACT.md: existence must not leak). `lock` holds its row for a command.
 */
export async function subscriptionFor(
  em: EntityManager,
  caller: Caller,
  id: string,
  action: 'webhook_subscription.read' | 'webhook_subscription.manage',
  lock: boolean,
): Promise<WebhookSubscription> {
  requireWebhookUser(caller);
  const subscription = lock
    ? await findForUpdate(em, WebhookSubscription, id)
    : await em.findOne(WebhookSubscription, { id });
  if (subscription === null) throw RpcFailure.denied(notFound('webhook_subscription'));
  requireAccess(caller, action, WebhookSubscriptionRepository.facts(subscription));
  return subscription;
}
