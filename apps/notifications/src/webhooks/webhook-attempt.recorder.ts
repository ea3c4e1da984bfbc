import type { EntityManager } from '@mikro-orm/postgresql';

import { notify } from '../inbox/notify';
import type { ClaimedDelivery } from './webhook-delivery.store';
import { ATTEMPT_TABLE, SUBSCRIPTION_TABLE } from './webhook-delivery.store';
import { DELIVERY_TABLE } from './webhook-delivery.listener';
import type { AttemptOutcome } from './webhook-sender';

export interface RetryPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** How long a delivery (and a subscription without a success) may keep failing before it is disabled. */
  readonly giveUpAfterMs: number;
}

/** The delay before the retry after the `attempts`-th failed attempt: doubling from the base, capped. */
export function retryDelayMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30), policy.maxMs);
}

/**
 * Logs one attempt and decides what follows: delivered; retried later (never past the end of the
 * give-up window, so the last try falls on it); or given up, which disables the subscription and tells
 * its agency. Nothing changes if the lease has passed to another instance meanwhile: that one decides.
 */
export async function recordAttempt(
  em: EntityManager,
  delivery: ClaimedDelivery,
  outcome: AttemptOutcome,
  attemptedAt: Date,
  policy: RetryPolicy,
): Promise<void> {
  const [held] = await em.execute<{ attempts: number; first_failed_at: string | Date | null }[]>(
    `update ${DELIVERY_TABLE}
        set attempts = attempts + 1,
            status = case when ?::boolean then 'delivered' else status end,
            delivered_at = case when ?::boolean then now() end,
            lease_until = case when ?::boolean then null else lease_until end,
            lease_token = case when ?::boolean then null else lease_token end
      where id = ? and lease_token = ? and status = 'pending' returning attempts, first_failed_at`,
    [outcome.delivered, outcome.delivered, outcome.delivered, outcome.delivered, delivery.id, delivery.leaseToken],
  );
  if (held === undefined) return;
  await em.execute(
    `insert into ${ATTEMPT_TABLE} (delivery_id, subscription_id, attempted_at, status_code, duration_ms, error)
     values (?, ?, ?, ?, ?, ?)`,
    [delivery.id, delivery.subscriptionId, attemptedAt, outcome.statusCode, outcome.durationMs, outcome.error],
  );
  if (outcome.delivered) {
    // Only a subscription that was failing is written: successes to one subscription never queue on its row.
    await em.execute(
      `update ${SUBSCRIPTION_TABLE} set failing_since = null where id = ? and failing_since is not null`,
      [delivery.subscriptionId],
    );
    await releaseKey(em, delivery);
    return;
  }
  const [subscription] = await em.execute<{ failing_since: string | Date | null }[]>(
    `select failing_since from ${SUBSCRIPTION_TABLE} where id = ? for update`,
    [delivery.subscriptionId],
  );
  if (subscription === undefined) return;
  const now = Date.now();
  const firstFailed = timeOf(held.first_failed_at) ?? now;
  const failingSince = timeOf(subscription.failing_since) ?? now;
  const windowEnd = Math.min(firstFailed, failingSince) + policy.giveUpAfterMs;
  if (now >= windowEnd) {
    await em.execute(
      `update ${DELIVERY_TABLE} set status = 'failed', first_failed_at = ?, lease_until = null, lease_token = null where id = ?`,
      [new Date(firstFailed), delivery.id],
    );
    await disableSubscription(em, delivery, outcome, policy);
    return;
  }
  const next = Math.min(now + retryDelayMs(held.attempts, policy), windowEnd);
  await em.execute(
    `update ${DELIVERY_TABLE} set next_attempt_at = ?, first_failed_at = ?, lease_until = null, lease_token = null where id = ?`,
    [new Date(next), new Date(firstFailed), delivery.id],
  );
  await em.execute(`update ${SUBSCRIPTION_TABLE} set failing_since = ? where id = ?`, [
    new Date(failingSince),
    delivery.subscriptionId,
  ]);
  await holdKey(em, delivery, new Date(next));
}

/**
 * The deliveries behind a failing one of the same key wait for its retry: not due before it, so that
 * the claim's look at the earliest due deliveries is never filled with ones that cannot go yet.
 */
async function holdKey(em: EntityManager, delivery: ClaimedDelivery, until: Date): Promise<void> {
  await em.execute(
    `update ${DELIVERY_TABLE} d set next_attempt_at = ?
       from ${DELIVERY_TABLE} failed
      where failed.id = ? and d.subscription_id = failed.subscription_id and d.ordering_key = failed.ordering_key
        and d.status = 'pending' and d.id <> failed.id and d.next_attempt_at < ?`,
    [until, delivery.id, until],
  );
}

/** After a success, the key's next deliveries that never failed themselves are due at once again. */
async function releaseKey(em: EntityManager, delivery: ClaimedDelivery): Promise<void> {
  await em.execute(
    `update ${DELIVERY_TABLE} d set next_attempt_at = now()
       from ${DELIVERY_TABLE} sent
      where sent.id = ? and d.subscription_id = sent.subscription_id and d.ordering_key = sent.ordering_key
        and d.status = 'pending' and d.attempts = 0 and d.next_attempt_at > now()`,
    [delivery.id],
  );
}

async function disableSubscription(
  em: EntityManager,
  delivery: ClaimedDelivery,
  outcome: AttemptOutcome,
  policy: RetryPolicy,
): Promise<void> {
  const hours = Math.round((policy.giveUpAfterMs / 3_600_000) * 100) / 100;
  const reason = `event ${delivery.eventId} could not be delivered for ${hours} h (last: ${outcome.error ?? 'no answer'})`;
  const [disabled] = await em.execute<{ organization_id: string }[]>(
    `update ${SUBSCRIPTION_TABLE}
        set status = 'disabled', disabled_reason = ?, disabled_at = now(), version = version + 1, updated_at = now()
      where id = ? and status = 'active' returning organization_id`,
    [reason, delivery.subscriptionId],
  );
  if (disabled === undefined) return;
  // Not due while disabled, so that they never fill the claim's window; enabling makes them due again.
  await em.execute(
    `update ${DELIVERY_TABLE} set next_attempt_at = 'infinity' where subscription_id = ? and status = 'pending'`,
    [delivery.subscriptionId],
  );
  await notify(em, {
    organizationId: disabled.organization_id,
    kind: 'webhook.subscription_disabled',
    eventId: delivery.eventId,
    title: { zh: 'Webhook 订阅已停用', en: 'Your webhook subscription was disabled' },
    body: {
      zh: `向 ${delivery.url} 的推送持续失败（约 ${hours} 小时），订阅已停用。未送达的事件已保留；修复接收端后请重新启用订阅。原因：${reason}`,
      en: `Deliveries to ${delivery.url} kept failing for about ${hours} h, so the subscription was disabled. Undelivered events are kept; fix the receiver and enable the subscription again. Reason: ${reason}`,
    },
    link: `/api/v1/webhook-subscriptions/${delivery.subscriptionId}`,
  });
}

/** A timestamptz as raw SQL hands it back (a string from `execute`), in milliseconds. */
function timeOf(value: string | Date | null): number | null {
  return value === null ? null : new Date(value).getTime();
}
