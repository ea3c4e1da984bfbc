import type { WebhookSubscriptionDto } from '@tic/contracts';

import { call, type PlatformWorld } from '../platform/platform-world';
import { succeeded } from './probe';

/** CONTRACT.md (Events, way 1): the owner agency's webhook subscription the routes act on. */
export interface WebhookIds {
  readonly subscriptionId: string;
}

/**
 * A subscription to a center no event names, so that the dispatcher never has anything to send to the
 * (unresolvable) receiver while the matrix runs.
 */
export const webhookBody = (): Record<string, unknown> => ({
  url: 'https://agency.example.cn/tic/webhooks',
  description: '矩阵测试订阅',
  centerIds: ['00000000-0000-4000-8000-000000000000'],
});

export async function ownerWebhooks(world: PlatformWorld, agencyToken: string): Promise<WebhookIds> {
  const created = await succeeded<WebhookSubscriptionDto>(
    call(world, 'POST', '/webhook-subscriptions', { token: agencyToken, body: webhookBody() }),
  );
  return { subscriptionId: created.id };
}
