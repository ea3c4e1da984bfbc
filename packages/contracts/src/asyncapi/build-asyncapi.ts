import { z } from 'zod';

import { createEvent, type EventDefinition } from '../define-event';
import { EVENT_DEFINITIONS } from '../event-catalogue';
import { EVENT_DATA_FIXTURES } from '../fixtures';
import { EVENT_STREAM } from '../subjects';
import {
  DELIVERY_SERVERS,
  deliveryWays,
  EXAMPLE_WEBHOOK_SECRET,
  JETSTREAM_WAY,
  webhookSignature,
} from './delivery-ways';

/** The version of the event contract; a breaking change to an event is a new event type, not a new version here. */
export const EVENT_CONTRACT_VERSION = '1.0.0';

type JsonObject = Record<string, unknown>;

/** `tic.application.supporting_review_passed` → `ApplicationSupportingReviewPassed`. */
function componentName(type: string): string {
  return type
    .replace(/^tic\./, '')
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function payloadSchema(definition: EventDefinition): JsonObject {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(definition.envelope, { target: 'draft-7', io: 'input' });
  return schema;
}

/** A whole CloudEvents document of the type, with the catalogue's sample data (fixed id and time, for a stable document). */
function exampleEvent(definition: EventDefinition): Record<string, unknown> {
  const fixtures: Readonly<Record<string, unknown>> = EVENT_DATA_FIXTURES;
  return createEvent(definition, {
    id: '0192f6a0-7c1e-7d2a-9b3c-0000000000e1',
    subject: '0192f6a0-7c1e-7d2a-9b3c-000000000007',
    time: '2026-03-02T08:00:00.000Z',
    aggregateVersion: 1,
    producer: definition.producers[0],
    data: fixtures[definition.type],
  }) as unknown as Record<string, unknown>;
}

/** A webhook delivery of the example event, signed with the specification's example secret. */
function webhookExample(event: Record<string, unknown>): JsonObject {
  const id = String(event.id);
  const timestamp = '1772438400';
  return {
    name: String(event.type),
    summary: `Signed with ${EXAMPLE_WEBHOOK_SECRET}; the body is the JSON exactly as sent (here compact)`,
    headers: {
      'webhook-id': id,
      'webhook-timestamp': timestamp,
      'webhook-signature': webhookSignature(EXAMPLE_WEBHOOK_SECRET, id, timestamp, JSON.stringify(event)),
      'content-type': 'application/json',
    },
    payload: event,
  };
}

/**
 * The AsyncAPI 3 document of every event, generated from the definitions in this package so that it
 * can never drift from what producers publish and consumers validate.
 */
export function buildAsyncApiDocument(): JsonObject {
  const channels: JsonObject = {};
  const operations: JsonObject = {};
  const messages: JsonObject = {};
  const schemas: JsonObject = {};

  for (const definition of EVENT_DEFINITIONS) {
    const name = componentName(definition.type);
    const channelId = name.charAt(0).toLowerCase() + name.slice(1);
    const example = exampleEvent(definition);
    schemas[name] = payloadSchema(definition);
    messages[name] = {
      name: definition.type,
      title: definition.type,
      summary: definition.summary,
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/NatsHeaders' },
      payload: { $ref: `#/components/schemas/${name}` },
      examples: [{ name: definition.type, headers: { 'Nats-Msg-Id': example.id }, payload: example }],
      'x-producers': definition.producers,
    };
    channels[channelId] = {
      address: definition.subject,
      title: definition.type,
      description: `${definition.summary}. Kept in the JetStream stream ${EVENT_STREAM}.`,
      servers: [{ $ref: '#/servers/nats' }],
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    };
    operations[`publish${name}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelId}` },
      summary: `Published by ${definition.producers.join(', ')}`,
      messages: [{ $ref: `#/channels/${channelId}/messages/${name}` }],
    };
  }
  const [first] = EVENT_DEFINITIONS;
  if (first === undefined) throw new Error('the event catalogue is empty');
  const ways = deliveryWays(Object.keys(schemas), webhookExample(exampleEvent(first)));

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Liaoning Technology Innovation Center platform events',
      version: EVENT_CONTRACT_VERSION,
      description:
        'Domain events of the platform for 辽宁省技术创新中心 under the 2026 measures (辽科发〔2026〕2号). ' +
        'Each message is a CloudEvents 1.0 JSON document published on NATS JetStream (stream ' +
        `${EVENT_STREAM}, subjects tic.events.>) with Nats-Msg-Id equal to the event id. ` +
        'Agencies receive the same CloudEvents in any of three ways (CONTRACT.md, Events): webhooks (channel ' +
        `webhookDelivery), their own JetStream durable consumer (the tic.events channels), or the pull GET /api/v1/events?after= (channel eventFeed). ${JETSTREAM_WAY} ` +
        'Generated from @tic/contracts; do not edit by hand.',
    },
    defaultContentType: 'application/json',
    servers: {
      nats: {
        host: 'localhost:4222',
        protocol: 'nats',
        description: `NATS with JetStream; deployments publish their own address. ${JETSTREAM_WAY}`,
      },
      ...DELIVERY_SERVERS,
    },
    channels: { ...channels, ...ways.channels },
    operations: { ...operations, ...ways.operations },
    components: {
      messages: { ...messages, ...ways.messages },
      schemas: {
        ...schemas,
        ...ways.schemas,
        NatsHeaders: {
          type: 'object',
          properties: {
            'Nats-Msg-Id': { type: 'string', description: 'the CloudEvents id; JetStream drops duplicates by it' },
          },
          required: ['Nats-Msg-Id'],
        },
      },
    },
  };
}

/** The document as it is checked in: two-space JSON with a final newline. */
export function renderAsyncApiDocument(): string {
  return `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`;
}
