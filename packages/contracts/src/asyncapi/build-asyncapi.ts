import { z } from 'zod';

import type { EventDefinition } from '../define-event';
import { EVENT_DEFINITIONS } from '../event-catalogue';
import { EVENT_STREAM } from '../subjects';

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

/**
 * The AsyncAPI 3 document of every event, generated from the definitions in this package so that it
 * can never drift from what producers publish and consumers validate.
 */
export function buildAsyncApiDocument(): JsonObject {
  const channels: JsonObject = {};
  const operations: JsonObject = {};
  const messages: JsonObject = {};

  for (const definition of EVENT_DEFINITIONS) {
    const name = componentName(definition.type);
    const channelId = name.charAt(0).toLowerCase() + name.slice(1);
    messages[name] = {
      name: definition.type,
      title: definition.type,
      summary: definition.summary,
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/NatsHeaders' },
      payload: payloadSchema(definition),
      'x-producers': definition.producers,
    };
    channels[channelId] = {
      address: definition.subject,
      title: definition.type,
      description: `${definition.summary}. Kept in the JetStream stream ${EVENT_STREAM}.`,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    };
    operations[`publish${name}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelId}` },
      summary: `Published by ${definition.producers.join(', ')}`,
      messages: [{ $ref: `#/channels/${channelId}/messages/${name}` }],
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Liaoning Technology Innovation Center platform events',
      version: EVENT_CONTRACT_VERSION,
      description:
        'Domain events of the platform for 辽宁省技术创新中心 under the 2026 measures (辽科发〔2026〕2号). ' +
        'Each message is a CloudEvents 1.0 JSON document published on NATS JetStream (stream ' +
        `${EVENT_STREAM}, subjects tic.events.>) with Nats-Msg-Id equal to the event id. ` +
        'Generated from @tic/contracts; do not edit by hand.',
    },
    defaultContentType: 'application/json',
    servers: {
      nats: {
        host: 'localhost:4222',
        protocol: 'nats',
        description:
          'NATS with JetStream; deployments publish their own address. Subscribers get read-only permission on tic.events.>',
      },
    },
    channels,
    operations,
    components: {
      messages,
      schemas: {
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
