import { createHmac } from 'node:crypto';

import { z } from 'zod';

import { ListFeedEvents } from '../rpc/notifications/event-feed.rpc';
import { EVENT_STREAM } from '../subjects';

type JsonObject = Record<string, unknown>;

/** The secret of the Standard Webhooks specification's own examples: a documentation value, never a real one. */
export const EXAMPLE_WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed with the base64 after `whsec_` (Standard Webhooks). */
export function webhookSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export const WEBHOOK_HEADERS_SCHEMA: JsonObject = {
  type: 'object',
  description:
    'Standard Webhooks (https://www.standardwebhooks.com) headers of every delivery. To verify: take the base64 ' +
    'after `whsec_` of the subscription secret as the HMAC key, compute base64(HMAC-SHA256(key, ' +
    '"<webhook-id>.<webhook-timestamp>.<raw body>")) and compare it in constant time with each `v1,` signature of ' +
    'webhook-signature; refuse a timestamp far from now (five minutes) and a webhook-id already handled.',
  properties: {
    'webhook-id': {
      type: 'string',
      format: 'uuid',
      description: 'the CloudEvents id of the event: the same on every retry, for de-duplication',
    },
    'webhook-timestamp': {
      type: 'string',
      pattern: '^[0-9]+$',
      description: 'Unix seconds of this attempt; part of the signed content',
    },
    'webhook-signature': {
      type: 'string',
      pattern: '^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$',
      description:
        'space-separated `v1,<base64 signature>` entries: one per valid secret. While a secret is rotated the old ' +
        'and the new one are both valid for a while and both sign, so a receiver that knows either accepts it',
    },
    'content-type': { type: 'string', const: 'application/json' },
  },
  required: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
};

/** Servers of the two other delivery ways: the agency's https endpoint and the gateway's pull. */
export const DELIVERY_SERVERS: JsonObject = {
  agencyWebhook: {
    host: 'agency.example.org',
    pathname: '/tic-webhook',
    protocol: 'https',
    description:
      'Way 1: the https URL an agency registers with its webhook subscription (POST /api/v1/webhook-subscriptions); the platform POSTs each event there',
  },
  gateway: {
    host: 'localhost:3000',
    pathname: '/api/v1',
    protocol: 'http',
    description: 'Way 3: the platform’s HTTP API (https in deployments), with an agency’s bearer token',
  },
};

/** Channels, operations and messages of way 1 (webhooks) and way 3 (the pull), given the event schemas' names. */
export function deliveryWays(
  schemaNames: readonly string[],
  webhookExample: JsonObject,
): {
  channels: JsonObject;
  operations: JsonObject;
  messages: JsonObject;
  schemas: JsonObject;
} {
  const anyEvent = { oneOf: schemaNames.map((name) => ({ $ref: `#/components/schemas/${name}` })) };
  const page = z.toJSONSchema(ListFeedEvents.response, { target: 'draft-7', io: 'output', unrepresentable: 'any' });
  const query = z.toJSONSchema(ListFeedEvents.request, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  const { $schema: _page, ...pageSchema } = page;
  const { $schema: _query, ...querySchema } = query;
  return {
    channels: {
      webhookDelivery: {
        address: null,
        title: 'Webhook deliveries (way 1)',
        description:
          'Each event matching a subscription’s filter (event types, centers, cities) is POSTed to its URL as the ' +
          'CloudEvents JSON body, at least once, in order per center, retried with exponential backoff for at least ' +
          '24 hours; a 2xx answer acknowledges it. Attempts and status codes are in the subscription’s delivery log; ' +
          'a replay re-sends from a feed position; a subscription that keeps failing is disabled and the agency told.',
        servers: [{ $ref: '#/servers/agencyWebhook' }],
        messages: { WebhookEvent: { $ref: '#/components/messages/WebhookEvent' } },
      },
      eventFeed: {
        address: '/events',
        title: 'GET /api/v1/events?after= (way 3)',
        description:
          'The platform’s events in the order they were recorded, after a position (a cursor stable across restarts, ' +
          'the same positions as a webhook replay), filtered like a webhook subscription. Pass nextCursor as `after`.',
        servers: [{ $ref: '#/servers/gateway' }],
        messages: { EventFeedPage: { $ref: '#/components/messages/EventFeedPage' } },
      },
    },
    operations: {
      deliverWebhook: {
        action: 'send',
        channel: { $ref: '#/channels/webhookDelivery' },
        summary: 'The platform POSTs an event to the agency’s URL, signed with the subscription’s secret(s)',
        bindings: { http: { method: 'POST', bindingVersion: '0.3.0' } },
        messages: [{ $ref: '#/channels/webhookDelivery/messages/WebhookEvent' }],
      },
      pullEventFeed: {
        action: 'receive',
        channel: { $ref: '#/channels/eventFeed' },
        summary: 'An agency pulls a page of events after its cursor',
        bindings: { http: { method: 'GET', query: querySchema, bindingVersion: '0.3.0' } },
        messages: [{ $ref: '#/channels/eventFeed/messages/EventFeedPage' }],
      },
    },
    messages: {
      WebhookEvent: {
        name: 'webhook-event',
        title: 'A webhook delivery',
        summary: 'One CloudEvents 1.0 document as the POST body, with the Standard Webhooks headers',
        contentType: 'application/json',
        headers: { $ref: '#/components/schemas/WebhookHeaders' },
        payload: anyEvent,
        examples: [webhookExample],
      },
      EventFeedPage: {
        name: 'event-feed-page',
        title: 'A page of the event feed',
        summary: 'events (each a CloudEvents document with its position) and nextCursor',
        contentType: 'application/json',
        payload: pageSchema,
      },
    },
    schemas: { WebhookHeaders: WEBHOOK_HEADERS_SCHEMA },
  };
}

/** How an agency reads the JetStream stream (way 2), for the document's description. */
export const JETSTREAM_WAY =
  `Way 2: an agency reads stream ${EVENT_STREAM} (subjects tic.events.>) as a NATS user of its own that DST creates ` +
  '(POST /api/v1/agencies/{orgId}/nats-user): it connects with the inbox prefix _INBOX_<user>, creates and reads ' +
  'only the durable consumer named after its user, and acknowledges its messages; it may not publish, call ' +
  'tic.rpc.>, nor touch other consumers or inboxes.';
