import type { EntityManager } from '@mikro-orm/postgresql';

import { newId } from '@tic/platform';

import { FEED_TABLE } from '../feed/feed-recorder';
import { DELIVERY_TABLE } from './webhook-delivery.listener';

export const SUBSCRIPTION_TABLE = '"notifications"."webhook_subscription"';
export const ATTEMPT_TABLE = '"notifications"."webhook_attempt"';

// Due deliveries looked at per free slot: enough that heads of other keys are among them when some are not.
const CANDIDATES_PER_SLOT = 20;

/** A delivery an instance has leased, with what it needs to send it. */
export interface ClaimedDelivery {
  readonly id: string;
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly leaseToken: string;
  readonly url: string;
  readonly secrets: readonly string[];
  readonly body: string;
}

interface ClaimRow {
  // bigint columns come back as strings from pg, numbers from some drivers
  id: string | number;
  subscription_id: string;
  event_id: string;
  url: string;
  secret: string;
  previous_secret: string | null;
  position: string | number;
  document: Record<string, unknown>;
}

/**
 * Leases up to `limit` due deliveries. It looks only at the earliest due ones (an index range, however
 * long the backlog; the deliveries behind a failing one are held back to its retry, see holdKey), and
 * takes only the oldest pending delivery of each (subscription, ordering key), so a center's events go out one after another in feed order while a failing one
 * holds back that center alone; a subscription never has more than `perSubscription` leased at once,
 * so one slow receiver cannot take every slot. SKIP LOCKED and the lease let replicas claim side by side.
 */
export async function claimDueDeliveries(
  em: EntityManager,
  limit: number,
  perSubscription: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  const leaseToken = newId();
  const rows = await em.execute<ClaimRow[]>(
    `with candidates as (
       -- the earliest due deliveries of active subscriptions: a window, not every pending row
       select d.id, d.subscription_id, d.ordering_key, d.position, d.next_attempt_at
         from ${DELIVERY_TABLE} d
        where d.status = 'pending' and d.next_attempt_at <= now() and (d.lease_until is null or d.lease_until <= now())
        order by d.next_attempt_at, d.id
        limit ?
     ),
     heads as (
       select c.* from candidates c
        -- a disabled subscription's deliveries are not due (disabling moves them to infinity); this is a guard
        where exists (select 1 from ${SUBSCRIPTION_TABLE} s where s.id = c.subscription_id and s.status = 'active')
          and not exists (
                select 1 from ${DELIVERY_TABLE} x
                 where x.subscription_id = c.subscription_id and x.ordering_key = c.ordering_key
                   and x.status = 'pending' and (x.position, x.id) < (c.position, c.id))
          -- a replay can put an older delivery before one in flight: the key waits until that one is done
          and not exists (
                select 1 from ${DELIVERY_TABLE} x
                 where x.subscription_id = c.subscription_id and x.ordering_key = c.ordering_key
                   and x.status = 'pending' and x.lease_until > now())
     ),
     busy as (
       select subscription_id, count(*) as leased from ${DELIVERY_TABLE}
        where status = 'pending' and lease_until is not null and lease_until > now() group by subscription_id
     ),
     due as (
       select h.id, coalesce(b.leased, 0) + row_number() over (partition by h.subscription_id order by h.next_attempt_at, h.id) as load
         from heads h left join busy b using (subscription_id)
     ),
     picked as (
       select d.id from ${DELIVERY_TABLE} d join due on due.id = d.id
        where due.load <= ? and d.status = 'pending' and (d.lease_until is null or d.lease_until <= now())
        order by d.next_attempt_at, d.id
        limit ?
        for update of d skip locked
     )
     update ${DELIVERY_TABLE} d
        set lease_until = now() + make_interval(secs => ?::double precision / 1000), lease_token = ?
       from picked, ${SUBSCRIPTION_TABLE} s, ${FEED_TABLE} f
      where d.id = picked.id and s.id = d.subscription_id and f.position = d.position
      returning d.id, d.subscription_id, d.event_id, s.url, s.secret, d.position, f.document,
                case when s.previous_secret_valid_until > now() then s.previous_secret end as previous_secret`,
    [limit * CANDIDATES_PER_SLOT, perSubscription, limit, leaseMs, leaseToken],
  );
  return rows.map((row) => ({
    id: String(row.id),
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    leaseToken,
    url: row.url,
    secrets: row.previous_secret === null ? [row.secret] : [row.secret, row.previous_secret],
    // The event as GET /events gives it: the CloudEvent and its position, the cursor of a replay.
    body: JSON.stringify({ ...row.document, position: String(row.position) }),
  }));
}
