import { v4 as uuidv4 } from 'uuid';

import {
  CreateWebhookSubscription,
  EnableWebhookSubscription,
  GetWebhookSubscription,
  ListWebhookDeliveries,
  type TicEvent,
} from '@tic/contracts';
import { eventually } from '@tic/testing';

import { CALLERS, centerEstablished, ORGS, runningNotifications, sampleEvent } from './harness';
import { WebhookReceiver } from './webhook-receiver';

// A give-up window of seconds instead of CONTRACT.md's 24 hours (development only).
const service = runningNotifications('webhook_failures', {
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_ALLOW_PRIVATE_HOSTS: 'true',
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_RETRY_BASE_MS: '50',
  WEBHOOK_RETRY_MAX_MS: '250',
  WEBHOOK_GIVE_UP_AFTER_MS: '6000',
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_LEASE_MS: '5000',
});

const receivers: WebhookReceiver[] = [];
afterAll(() => Promise.all(receivers.map((receiver) => receiver.stop())));

async function subscribed(centerIds: string[]) {
  const receiver = new WebhookReceiver();
  receivers.push(receiver);
  const url = await receiver.start();
  const subscription = await service.call(CreateWebhookSubscription, { url, centerIds }, CALLERS.agency);
  receiver.secrets = [subscription.secret];
  return { receiver, subscription };
}

async function publishAndRecord(events: TicEvent[]): Promise<void> {
  await service.publish(events);
  await service.recorded(events.map((event) => event.id));
}

const until = (check: () => Promise<void> | void, ms = 20_000) => eventually(async () => check(), ms, 50);
const idsOf = (events: readonly (TicEvent | undefined)[]) => events.map((event) => event?.id);

describe('webhook deliveries that fail (CONTRACT.md, Events: way 1)', () => {
  it('holds back only the failing center’s later events, then delivers them in order', async () => {
    const stuck = uuidv4();
    const flowing = uuidv4();
    const { receiver } = await subscribed([stuck, flowing]);
    let stuckFails = true;
    receiver.answer = (delivery) => (delivery.subject === stuck && stuckFails ? 503 : 200);
    const events = [
      centerEstablished(stuck),
      centerEstablished(flowing),
      sampleEvent('tic.center.renamed', stuck, { centerId: stuck }, 2),
      sampleEvent('tic.center.renamed', flowing, { centerId: flowing }, 2),
      sampleEvent('tic.center.filed', stuck, { centerId: stuck }, 3),
    ];
    await publishAndRecord(events);
    // At least once: an answer that comes after the timeout (a loaded machine) has the delivery sent again.
    await until(() => {
      expect(receiver.firstIds()).toEqual(idsOf([events[1], events[3]]));
    });
    // The stuck center's first event was tried (and refused) while its later ones waited behind it.
    await until(() => {
      expect(receiver.refused.length).toBeGreaterThan(1);
    });
    expect(new Set(receiver.refused.map((delivery) => delivery.webhookId))).toEqual(new Set([events[0]?.id]));
    stuckFails = false;
    await until(() => {
      expect(receiver.firstIds().filter((id) => id !== events[1]?.id && id !== events[3]?.id)).toEqual(
        idsOf([events[0], events[2], events[4]]),
      );
    });
  });

  it('disables a subscription after the give-up window, tells the agency, and resumes in order once enabled', async () => {
    const center = uuidv4();
    const { receiver, subscription } = await subscribed([center]);
    let down = true;
    receiver.answer = () => (down ? 500 : 204);
    const events = [centerEstablished(center), sampleEvent('tic.center.renamed', center, { centerId: center }, 2)];
    await publishAndRecord(events);
    await until(async () => {
      const now = await service.call(GetWebhookSubscription, { id: subscription.id }, CALLERS.agency);
      expect(now.status).toBe('disabled');
    }, 30_000);
    const disabled = await service.call(GetWebhookSubscription, { id: subscription.id }, CALLERS.agency);
    expect(disabled.disabledReason).toContain(events[0]?.id);
    const notices = await service.sql(
      `select organization_id, kind, title->>'en' as title from notifications.notification
        where kind = 'webhook.subscription_disabled' and event_id = ?`,
      [events[0]?.id],
    );
    expect(notices).toEqual([
      {
        organization_id: ORGS.agency,
        kind: 'webhook.subscription_disabled',
        title: 'Your webhook subscription was disabled',
      },
    ]);
    const log = await service.call(ListWebhookDeliveries, { id: subscription.id }, CALLERS.agency);
    const first = log.items.find((item) => item.eventId === events[0]?.id);
    expect(first?.status).toBe('failed');
    expect(first?.attempts.length).toBeGreaterThan(2);
    expect(first?.attempts.every((attempt) => attempt.statusCode === 500)).toBe(true);
    expect(receiver.accepted).toEqual([]);
    down = false;
    const enabled = await service.call(
      EnableWebhookSubscription,
      { id: subscription.id, version: disabled.version },
      CALLERS.agency,
    );
    expect(enabled).toMatchObject({ status: 'active', disabledReason: null });
    await until(() => {
      expect(receiver.firstIds()).toEqual(idsOf(events));
    });
  });
});
