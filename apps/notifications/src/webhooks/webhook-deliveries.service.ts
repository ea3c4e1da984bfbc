import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import {
  EnableWebhookSubscription,
  type EventFilter,
  type ListWebhookDeliveries,
  ReplayWebhookDeliveries,
  type WebhookSubscriptionDto,
} from '@tic/contracts';
import { listScope } from '@tic/domain';
import { assertVersion, type Caller, type In, pageOf, refuse, UnitOfWork } from '@tic/platform';

import { FEED_TABLE } from '../feed/feed-recorder';
import { applicationScopeSql, feedFilterSql } from '../feed/feed-filter-sql';
import { ownerOf } from './subscription-match';
import { ATTEMPT_TABLE } from './webhook-delivery.store';
import { DELIVERY_TABLE } from './webhook-delivery.listener';
import { subscriptionFor } from './webhook-subscription.access';
import { toSubscriptionDto } from './webhook-subscription.view';
import { WEBHOOK_REFUSALS } from './webhooks.refusals';

interface DeliveryRow {
  // bigint columns come back as strings from pg, numbers from some drivers
  id: string | number;
  event_id: string;
  event_type: string;
  position: string | number;
  status: 'pending' | 'delivered' | 'failed';
  next_attempt_at: string | Date;
  delivered_at: string | Date | null;
}

interface AttemptRow {
  delivery_id: string | number;
  attempted_at: string | Date;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
}

/** What a subscription was sent: its delivery log, a replay from a position, and enabling it again. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
  ) {}

  async deliveries(input: In<typeof ListWebhookDeliveries>, caller: Caller) {
    const em = this.entityManager.fork();
    const subscription = await subscriptionFor(em, caller, input.id, 'webhook_subscription.read', false);
    const rows = await em.execute<DeliveryRow[]>(
      `select id, event_id, event_type, position, status, next_attempt_at, delivered_at from ${DELIVERY_TABLE}
        where subscription_id = ? ${input.cursor === undefined ? '' : 'and id < ?'}
        order by id desc limit ?`,
      [subscription.id, ...(input.cursor === undefined ? [] : [input.cursor]), input.limit + 1],
    );
    const attempts = await em.execute<AttemptRow[]>(
      `select delivery_id, attempted_at, status_code, duration_ms, error from ${ATTEMPT_TABLE}
        where delivery_id = any(array[?]::bigint[]) order by id`,
      [rows.map((row) => row.id)],
    );
    return pageOf(
      rows,
      input.limit,
      (row) => String(row.id),
      (row) => ({
        id: String(row.id),
        eventId: row.event_id,
        eventType: row.event_type,
        position: String(row.position),
        status: row.status,
        // 'infinity' while its subscription is disabled: not scheduled.
        nextAttemptAt: row.status === 'pending' && row.next_attempt_at !== 'infinity' ? iso(row.next_attempt_at) : null,
        deliveredAt: row.delivered_at === null ? null : iso(row.delivered_at),
        attempts: attempts
          .filter((attempt) => String(attempt.delivery_id) === String(row.id))
          .map((attempt) => ({
            at: iso(attempt.attempted_at),
            statusCode: attempt.status_code,
            durationMs: attempt.duration_ms,
            error: attempt.error,
          })),
      }),
    );
  }

  /**
   * Queues again every event after `after` that the subscription receives (its filter, and what its agency
   * may see), in feed order; they go out in order per center with whatever else is pending.
   */
  replay(input: In<typeof ReplayWebhookDeliveries>, caller: Caller) {
    return this.uow.run(ReplayWebhookDeliveries, input, async ({ em }) => {
      const subscription = await subscriptionFor(em, caller, input.id, 'webhook_subscription.manage', true);
      // The filter was validated against the catalogue when it was saved.
      const filter = feedFilterSql(subscription as unknown as EventFilter, 'f');
      const scope = applicationScopeSql(listScope(ownerOf(subscription), 'application'), 'f');
      const queued = await em.execute<{ id: string }[]>(
        `insert into ${DELIVERY_TABLE} (subscription_id, position, event_id, event_type, ordering_key, status, attempts, next_attempt_at, created_at)
         select ?, f.position, f.event_id, f.type, coalesce(f.center_id::text, f.document->>'subject'), 'pending', 0, now(), now()
           from ${FEED_TABLE} f
          where f.position > ? ${filter.sql} ${scope.sql}
          order by f.position
         returning id`,
        [subscription.id, input.after, ...filter.params, ...scope.params],
      );
      return { queued: queued.length };
    });
  }

  /**
   * Re-enables a subscription the service disabled. What it gave up on is owed again, and the give-up
   * window starts afresh, so nothing the agency missed is lost and the order per center holds.
   */
  enable(input: In<typeof EnableWebhookSubscription>, caller: Caller): Promise<WebhookSubscriptionDto> {
    return this.uow.run(
      EnableWebhookSubscription,
      input,
      async (scope) => {
        const subscription = await subscriptionFor(scope.em, caller, input.id, 'webhook_subscription.manage', true);
        assertVersion(input.version, subscription.version);
        if (subscription.status !== 'disabled') throw refuse(WEBHOOK_REFUSALS.not_disabled);
        await scope.em.execute(
          `update ${DELIVERY_TABLE} set status = 'pending', next_attempt_at = now(), first_failed_at = null
            where subscription_id = ? and status in ('pending', 'failed')`,
          [subscription.id],
        );
        scope.em.assign(subscription, {
          status: 'active',
          disabledReason: null,
          disabledAt: null,
          failingSince: null,
          updatedAt: new Date(),
        });
        scope.history(subscription, {
          aggregateType: 'webhook_subscription',
          action: 'enable',
          from: 'disabled',
          to: 'active',
        });
        return subscription;
      },
      (_em, subscription) => Promise.resolve(toSubscriptionDto(subscription)),
    );
  }
}

/** A timestamptz as raw SQL hands it back, in RFC 3339 UTC. */
function iso(value: string | Date): string {
  return new Date(value).toISOString();
}
