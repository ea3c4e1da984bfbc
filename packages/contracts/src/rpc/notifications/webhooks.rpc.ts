import { z } from 'zod';

import { entityId, instant } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion, pageOf } from '../paging';
import { eventFilterShape, feedPosition } from './event-feed.rpc';

/** The receiver of an agency's deliveries; the service refuses http and private hosts in production. */
const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'an https URL, e.g. https://agency.example.cn/tic/webhooks' })
  .max(2000)
  .describe('where deliveries are POSTed (https)');

const subscriptionFields = {
  url: webhookUrl,
  description: z.string().trim().max(500).default('').describe('what this subscription is for'),
  ...eventFilterShape,
};

export const webhookSubscriptionSchema = z.object({
  id: entityId,
  organizationId: entityId.describe('the agency that registered it'),
  url: z.string(),
  description: z.string(),
  types: z.array(z.string()),
  centerIds: z.array(z.string()),
  cityCodes: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  disabledReason: z.string().nullable().describe('why the service disabled it (persistent failure)'),
  disabledAt: instant.nullable(),
  previousSecretValidUntil: instant.nullable().describe('until when the secret before the last rotation still signs'),
  version: z.number().int(),
  createdAt: instant,
});
export type WebhookSubscriptionDto = z.output<typeof webhookSubscriptionSchema>;

/** A subscription with its signing secret: shown once, when created or rotated. */
const withSecret = webhookSubscriptionSchema.extend({
  secret: z.string().describe('whsec_… (Standard Webhooks); shown only in this answer'),
});

const byId = z.object({ id: entityId });
const versioned = z.object({ id: entityId, version: expectedVersion });

export const CreateWebhookSubscription = defineRpc({
  service: 'notifications',
  operation: 'webhooks.create',
  summary: 'CONTRACT.md (Events, way 1): an agency registers a webhook with a filter; the answer holds its secret once',
  request: z.object(subscriptionFields),
  response: withSecret,
});

export const ListWebhookSubscriptions = defineRpc({
  service: 'notifications',
  operation: 'webhooks.list',
  summary: 'Webhook subscriptions: an agency its own, DST every agency’s',
  request: z.object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: entityId.optional(),
  }),
  response: pageOf(webhookSubscriptionSchema),
});

export const GetWebhookSubscription = defineRpc({
  service: 'notifications',
  operation: 'webhooks.get',
  summary: 'One webhook subscription (without its secret)',
  request: byId,
  response: webhookSubscriptionSchema,
});

export const UpdateWebhookSubscription = defineRpc({
  service: 'notifications',
  operation: 'webhooks.update',
  summary: 'Replaces a subscription’s URL, filter and description (guarded by its version)',
  request: versioned.extend(subscriptionFields),
  response: webhookSubscriptionSchema,
});

export const DeleteWebhookSubscription = defineRpc({
  service: 'notifications',
  operation: 'webhooks.delete',
  summary: 'Deletes a subscription, its pending deliveries and its delivery log',
  request: versioned,
  response: z.object({ id: entityId, deleted: z.literal(true) }),
});

export const RotateWebhookSecret = defineRpc({
  service: 'notifications',
  operation: 'webhooks.rotate_secret',
  summary:
    'A new secret, shown once; the old one keeps signing alongside it (two v1 signatures) until previousSecretValidUntil',
  request: versioned,
  response: withSecret,
});

export const EnableWebhookSubscription = defineRpc({
  service: 'notifications',
  operation: 'webhooks.enable',
  summary: 'Re-enables a subscription the service disabled; what it failed to deliver is delivered again, in order',
  request: versioned,
  response: webhookSubscriptionSchema,
});

export const webhookAttemptSchema = z.object({
  at: instant,
  statusCode: z.number().int().nullable().describe('the receiver’s HTTP status; null when none came'),
  durationMs: z.number().int(),
  error: z.string().nullable().describe('why no 2xx came (timeout, connection refused, the status)'),
});

export const webhookDeliverySchema = z.object({
  id: z.string().describe('the delivery’s number, the cursor of this log'),
  eventId: entityId.describe('also the webhook-id header'),
  eventType: z.string(),
  position: feedPosition,
  status: z.enum(['pending', 'delivered', 'failed']),
  nextAttemptAt: instant.nullable(),
  deliveredAt: instant.nullable(),
  attempts: z.array(webhookAttemptSchema),
});

export const ListWebhookDeliveries = defineRpc({
  service: 'notifications',
  operation: 'webhooks.deliveries',
  summary: 'A subscription’s delivery log, newest first: each event with its attempts, status codes and durations',
  request: z.object({
    id: entityId,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z
      .string()
      .regex(/^\d{1,19}$/, 'nextCursor of the previous page')
      .optional(),
  }),
  response: pageOf(webhookDeliverySchema),
});

export const ReplayWebhookDeliveries = defineRpc({
  service: 'notifications',
  operation: 'webhooks.replay',
  summary:
    'Delivers again every event after a feed position that matches the subscription’s filter (the positions of GET /events)',
  request: byId.extend({ after: feedPosition.describe('replay the events after this position; 0 for all') }),
  response: z.object({ queued: z.number().int().describe('deliveries queued') }),
});
