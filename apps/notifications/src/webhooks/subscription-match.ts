import { listScope, type Role, scopeAdmits } from '@tic/domain';

import type { RecordedEvent } from '../feed/feed-listener';
import { applicationStatusOf } from '../feed/event-scope';
import type { WebhookSubscription } from './webhook-subscription.entity';

/**
 * Whether a subscription receives an event: its filter (empty lists do not filter, as in GET /events)
 * and what its agency may see there (DOMAIN.md §1: an agency no application event), the same rule as
 * `applicationScopeSql` applies to the feed.
 */
export function subscriptionReceives(subscription: WebhookSubscription, recorded: RecordedEvent): boolean {
  const { event, centerId, cityCode } = recorded;
  if (subscription.types.length > 0 && !subscription.types.includes(event.type)) return false;
  if (subscription.centerIds.length > 0 && (centerId === null || !subscription.centerIds.includes(centerId)))
    return false;
  if (subscription.cityCodes.length > 0 && (cityCode === null || !subscription.cityCodes.includes(cityCode)))
    return false;
  if (!event.type.startsWith('tic.application.')) return true;
  const scope = listScope(ownerOf(subscription), 'application');
  const status = applicationStatusOf(event);
  // A scope tied to an organization cannot be judged from an event; the feed's SQL shows none of those either.
  if ('anyOf' in scope) return false;
  return scopeAdmits(scope, { kind: 'application', ...(status === null ? {} : { status }) });
}

/** The principal a subscription's deliveries are read as. */
export function ownerOf(subscription: WebhookSubscription): { userId: string; role: Role; orgId: string } {
  return { userId: '', role: subscription.ownerRole as Role, orgId: subscription.organizationId };
}

/** The key whose deliveries go out one at a time, in order: the center, else the event's subject. */
export function orderingKeyOf(recorded: RecordedEvent): string {
  return recorded.centerId ?? recorded.event.subject;
}
