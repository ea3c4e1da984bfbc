import { v4 as uuidv4 } from 'uuid';

import { CreateWebhookSubscription } from '@tic/contracts';
import { dashboardFamiliesMissingFrom, scrapeMetrics } from '@tic/platform/testing';
import { eventually } from '@tic/testing';

import { CALLERS, centerEstablished, runningNotifications, sampleEvent } from './harness';
import { WebhookReceiver } from './webhook-receiver';

const service = runningNotifications('webhook_metrics', {
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_ALLOW_PRIVATE_HOSTS: 'true',
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_RETRY_BASE_MS: '50',
  WEBHOOK_RETRY_MAX_MS: '250',
  WEBHOOK_GIVE_UP_AFTER_MS: '600000',
  WEBHOOK_POLL_MS: '50',
});

const receiver = new WebhookReceiver();
afterAll(() => receiver.stop());

const NOTIFICATIONS = { service: 'notifications' };

describe('webhook metrics at /metrics (real Postgres and NATS JetStream)', () => {
  it('shows the backlog while a receiver is down, and drains it once the receiver answers', async () => {
    const metricsUrl = `${(await service.app.getUrl()).replace('[::1]', '127.0.0.1')}/metrics`;
    const scrape = () => scrapeMetrics(metricsUrl);
    const center = uuidv4();
    const subscription = await service.call(
      CreateWebhookSubscription,
      { url: await receiver.start(), centerIds: [center] },
      CALLERS.agency,
    );
    receiver.secrets = [subscription.secret];
    let down = true;
    receiver.answer = () => (down ? 503 : 204);

    const events = [centerEstablished(center), sampleEvent('tic.center.renamed', center, { centerId: center }, 2)];
    await service.publish(events);
    await service.recorded(events.map((event) => event.id));

    const backlog = await eventually(
      async () => {
        const metrics = await scrape();
        expect(metrics.sum('tic_webhook_deliveries_pending', NOTIFICATIONS)).toBe(2);
        expect(metrics.sum('tic_webhook_attempts_total', { ...NOTIFICATIONS, outcome: 'failed' })).toBeGreaterThan(1);
        expect(metrics.sum('tic_webhook_oldest_pending_age_seconds', NOTIFICATIONS)).toBeGreaterThan(0);
        return metrics;
      },
      20_000,
      100,
    );
    expect(backlog.sum('tic_webhook_attempts_total', { ...NOTIFICATIONS, outcome: 'delivered' })).toBe(0);
    expect(dashboardFamiliesMissingFrom(backlog, ['tic_webhook_'])).toEqual([]);

    down = false;
    await eventually(
      async () => {
        const metrics = await scrape();
        expect(metrics.sum('tic_webhook_deliveries_pending', NOTIFICATIONS)).toBe(0);
        expect(metrics.sum('tic_webhook_deliveries_due', NOTIFICATIONS)).toBe(0);
        expect(metrics.sum('tic_webhook_oldest_pending_age_seconds', NOTIFICATIONS)).toBe(0);
        expect(metrics.sum('tic_webhook_attempts_total', { ...NOTIFICATIONS, outcome: 'delivered' })).toBe(2);
      },
      20_000,
      100,
    );
  });
});
