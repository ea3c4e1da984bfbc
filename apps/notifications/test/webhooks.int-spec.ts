import { v4 as uuidv4 } from 'uuid';

import {
  CreateWebhookSubscription,
  ListWebhookDeliveries,
  ReplayWebhookDeliveries,
  RotateWebhookSecret,
  type TicEvent,
} from '@tic/contracts';
import { eventually } from '@tic/testing';

import { CALLERS, centerEstablished, runningNotifications, sampleEvent } from './harness';
import { WebhookReceiver } from './webhook-receiver';

const service = runningNotifications('webhooks', {
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_ALLOW_PRIVATE_HOSTS: 'true',
  // Long enough for a loaded CI machine to answer in time; the timeout test waits this long once.
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_RETRY_BASE_MS: '50',
  WEBHOOK_RETRY_MAX_MS: '200',
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_LEASE_MS: '5000',
});

const receivers: WebhookReceiver[] = [];
afterAll(() => Promise.all(receivers.map((receiver) => receiver.stop())));

/** A receiver and an agency's subscription to it for these centers (fresh ones, so tests do not mix). */
async function subscribed(centerIds: string[], extra: Partial<{ types: string[] }> = {}) {
  const receiver = new WebhookReceiver();
  receivers.push(receiver);
  const url = await receiver.start();
  const subscription = await service.call(
    CreateWebhookSubscription,
    { url, centerIds, description: 'test', ...extra },
    CALLERS.agency,
  );
  receiver.secrets = [subscription.secret];
  return { receiver, subscription };
}

async function publishAndRecord(events: TicEvent[]): Promise<void> {
  await service.publish(events);
  await service.recorded(events.map((event) => event.id));
}

const until = (check: () => void) => eventually(check, 20_000, 50);

describe('webhook deliveries (CONTRACT.md, Events: way 1, Standard Webhooks)', () => {
  it('POSTs each event as a CloudEvent signed as Standard Webhooks asks, once its secret is shown', async () => {
    const center = uuidv4();
    const { receiver, subscription } = await subscribed([center]);
    expect(subscription.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(subscription).toMatchObject({ status: 'active', centerIds: [center], version: 1 });
    const established = centerEstablished(center);
    await publishAndRecord([established]);
    await until(() => {
      expect(receiver.ids()).toEqual([established.id]);
    });
    const [delivery] = receiver.accepted;
    expect(delivery?.headers['webhook-id']).toBe(established.id);
    expect(delivery?.headers['content-type']).toBe('application/json');
    expect(delivery?.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(delivery?.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(delivery).toMatchObject({ type: 'tic.center.established', subject: center, signatures: 1 });
    const [row] = await service.sql(
      'select position::text as position from notifications.feed_event where event_id = ?',
      [established.id],
    );
    expect(delivery?.position).toBe(row?.position);
    expect(receiver.forged).toBe(0);
  });

  it('retries after 500s and after a timeout, and logs every attempt with its status code and duration', async () => {
    const failing = uuidv4();
    const slow = uuidv4();
    const { receiver, subscription } = await subscribed([failing, slow]);
    const seen = new Map<string, number>();
    receiver.answer = (delivery) => {
      const times = (seen.get(delivery.webhookId) ?? 0) + 1;
      seen.set(delivery.webhookId, times);
      if (delivery.subject === failing) return times <= 2 ? 500 : 200;
      return times === 1 ? 'hang' : 204;
    };
    const events = [centerEstablished(failing), centerEstablished(slow)];
    await publishAndRecord(events);
    await until(() => {
      expect(new Set(receiver.ids())).toEqual(new Set(events.map((event) => event.id)));
    });
    // The receiver answers before the service records the attempt: wait until the log holds both as delivered.
    const log = await eventually(async () => {
      const page = await service.call(ListWebhookDeliveries, { id: subscription.id }, CALLERS.agency);
      expect(page.items.map((item) => item.status)).toEqual(['delivered', 'delivered']);
      return page;
    }, 20_000);
    const byEvent = new Map(log.items.map((item) => [item.eventId, item]));
    const retried = byEvent.get(events[0]?.id ?? '');
    expect(retried?.status).toBe('delivered');
    expect(retried?.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 500, 200]);
    expect(retried?.attempts[0]?.error).toBe('HTTP 500');
    const timedOut = byEvent.get(events[1]?.id ?? '');
    expect(timedOut?.attempts.map((attempt) => attempt.statusCode)).toEqual([null, 204]);
    expect(timedOut?.attempts[0]?.error).toMatch(/no answer within 2000 ms/);
    expect(timedOut?.deliveredAt).not.toBeNull();
    // DST reads the same log; the agency's receiver got no forged delivery.
    const forDst = await service.call(ListWebhookDeliveries, { id: subscription.id }, CALLERS.dst);
    expect(forDst.items).toHaveLength(2);
    expect(receiver.forged).toBe(0);
  });

  it('sends only the types asked for, and never an application event to an agency (DOMAIN.md §1)', async () => {
    const center = uuidv4();
    const application = uuidv4();
    const everything = await subscribed([]);
    const renames = await subscribed([center], { types: ['tic.center.renamed'] });
    const events = [
      sampleEvent('tic.application.submitted', application, { applicationId: application }),
      centerEstablished(center),
      sampleEvent('tic.center.renamed', center, { centerId: center }, 2),
      sampleEvent('tic.application.approved', application, { applicationId: application }, 2),
    ];
    await publishAndRecord(events);
    await until(() => {
      expect(everything.receiver.ids()).toEqual(expect.arrayContaining([events[1]?.id, events[2]?.id]));
    });
    await until(() => {
      expect(renames.receiver.ids()).toEqual([events[2]?.id]);
    });
    expect(everything.receiver.accepted.some((delivery) => delivery.type.startsWith('tic.application.'))).toBe(false);
    const logged = await service.sql(
      "select count(*)::int as n from notifications.webhook_delivery where event_type like 'tic.application.%'",
    );
    expect(logged).toEqual([{ n: 0 }]);
  });

  it('signs with both secrets during a rotation, so a receiver holding either verifies', async () => {
    const center = uuidv4();
    const { receiver, subscription } = await subscribed([center]);
    const rotated = await service.call(RotateWebhookSecret, { id: subscription.id, version: 1 }, CALLERS.agency);
    expect(rotated.secret).not.toBe(subscription.secret);
    expect(rotated.version).toBe(2);
    expect(rotated.previousSecretValidUntil).not.toBeNull();
    receiver.secrets = [subscription.secret, rotated.secret];
    const established = centerEstablished(center);
    await publishAndRecord([established]);
    await until(() => {
      expect(receiver.ids()).toEqual([established.id]);
    });
    expect(receiver.accepted[0]).toMatchObject({ signatures: 2, verifiedBy: [0, 1] });
  });

  it('replays the events after a position that the subscription receives, in order', async () => {
    const center = uuidv4();
    const other = uuidv4();
    const { receiver, subscription } = await subscribed([center]);
    const events = [
      centerEstablished(center),
      centerEstablished(other),
      sampleEvent('tic.center.renamed', center, { centerId: center }, 2),
      sampleEvent('tic.center.filed', center, { centerId: center }, 3),
    ];
    await publishAndRecord(events);
    const mine = [events[0], events[2], events[3]].map((event) => event?.id);
    await until(() => {
      expect(receiver.ids()).toEqual(mine);
    });
    const first = receiver.accepted[0]?.position ?? '';
    const replayed = await service.call(ReplayWebhookDeliveries, { id: subscription.id, after: first }, CALLERS.agency);
    expect(replayed).toEqual({ queued: 2 });
    await until(() => {
      expect(receiver.ids()).toEqual([...mine, ...mine.slice(1)]);
    });
    const positions = receiver.accepted.slice(3).map((delivery) => BigInt(delivery.position));
    expect(positions[0]).toBeGreaterThan(BigInt(first));
  });
});
