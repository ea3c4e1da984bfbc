import { webhookBody } from './owner-webhooks';
import { dstRead, ifMatch, type Probe } from './probe';
import type { MatrixWorld } from './worlds';

const subscription = (m: MatrixWorld) => `/webhook-subscriptions/${m.webhooks.subscriptionId}`;

/** A change of the owner agency's subscription, guarded by its version, with DST's read-back of it. */
const change = (step: string, body: Record<string, unknown> = {}): Probe => ({
  request: async (m) => ({
    path: `${subscription(m)}${step}`,
    headers: await ifMatch(m, subscription(m)),
    body,
  }),
  readBack: (m) => dstRead(m, subscription(m)),
});

/** The routes of webhook subscriptions (CONTRACT.md, Events, way 1). */
export const WEBHOOK_PROBES: Record<string, Probe> = {
  'POST /api/v1/webhook-subscriptions': { request: () => ({ path: '/webhook-subscriptions', body: webhookBody() }) },
  'GET /api/v1/webhook-subscriptions': {
    request: () => ({ path: '/webhook-subscriptions?limit=200' }),
    listed: (m) => m.webhooks.subscriptionId,
  },
  'GET /api/v1/webhook-subscriptions/{id}': { request: (m) => ({ path: subscription(m) }) },
  'GET /api/v1/webhook-subscriptions/{id}/deliveries': { request: (m) => ({ path: `${subscription(m)}/deliveries` }) },
  'PUT /api/v1/webhook-subscriptions/{id}': change('', { ...webhookBody(), description: '矩阵测试订阅（已修改）' }),
  'POST /api/v1/webhook-subscriptions/{id}/secret-rotation': change('/secret-rotation'),
  'POST /api/v1/webhook-subscriptions/{id}/replay': {
    request: (m) => ({ path: `${subscription(m)}/replay`, body: { after: '0' } }),
    readBack: (m) => dstRead(m, `${subscription(m)}/deliveries`),
  },
  'POST /api/v1/webhook-subscriptions/{id}/enable': change('/enable'),
  'DELETE /api/v1/webhook-subscriptions/{id}': change(''),
};
