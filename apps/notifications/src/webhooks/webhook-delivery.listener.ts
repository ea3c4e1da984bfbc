import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import type { FeedListener, RecordedEvent } from '../feed/feed-listener';
import { orderingKeyOf, subscriptionReceives } from './subscription-match';
import { WebhookSubscription } from './webhook-subscription.entity';

export const DELIVERY_TABLE = '"notifications"."webhook_delivery"';

/**
 * Owes each newly recorded event to every active subscription that receives it, inside the feed's
 * transaction (nothing recorded without its deliveries). It only writes rows: the dispatcher sends
 * them, so no receiver can slow the feed down.
 */
@Injectable()
export class WebhookDeliveryListener implements FeedListener {
  readonly name = 'webhook-deliveries';

  async onRecorded(em: EntityManager, events: readonly RecordedEvent[]): Promise<void> {
    const subscriptions = await em.find(WebhookSubscription, { status: 'active' });
    if (subscriptions.length === 0) return;
    const rows: unknown[][] = [];
    for (const recorded of events)
      for (const subscription of subscriptions)
        if (subscriptionReceives(subscription, recorded))
          rows.push([
            subscription.id,
            recorded.position,
            recorded.event.id,
            recorded.event.type,
            orderingKeyOf(recorded),
          ]);
    if (rows.length === 0) return;
    await em.execute(
      `insert into ${DELIVERY_TABLE} (subscription_id, position, event_id, event_type, ordering_key, status, attempts, next_attempt_at, created_at)
       values ${rows.map(() => `(?, ?, ?, ?, ?, 'pending', 0, now(), now())`).join(', ')}`,
      rows.flat(),
    );
  }
}
