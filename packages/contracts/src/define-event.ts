import { z } from 'zod';

import { entityId, instant, serviceNameSchema, type ServiceName } from './schemas';
import { eventSource, eventSubject } from './subjects';

/** An event type: `tic.<aggregate>.<event>`. */
export type EventTypeName = `tic.${string}.${string}`;

/** One event type, declared once: its subject, its producer and the schema of its `data`. */
export interface EventDefinition<T extends EventTypeName = EventTypeName, D extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly aggregate: string;
  /** The JetStream subject it is published on. */
  readonly subject: string;
  /** The services that publish it (deadline events come from each deadline's owner). */
  readonly producers: readonly ServiceName[];
  readonly summary: string;
  readonly data: D;
  /** The whole CloudEvents 1.0 document: envelope and data. */
  readonly envelope: z.ZodType<CloudEvent<T, z.output<D>>>;
}

/** A CloudEvents 1.0 JSON document as the platform publishes it (CONTRACT.md, Events). */
export interface CloudEvent<T extends string = string, D = unknown> {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: T;
  /** The aggregate's id. */
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  /** 1, 2, 3… per aggregate, so that a consumer can order and de-duplicate. */
  readonly aggregateversion: number;
  /** W3C trace context of the change that caused the event. */
  readonly traceparent?: string;
  /** The correlation id of the request that caused the event. */
  readonly correlationid?: string;
  readonly data: D;
}

const envelopeFields = {
  specversion: z.literal('1.0'),
  id: entityId.describe('unique event id, also sent as the Nats-Msg-Id header'),
  source: z
    .string()
    .regex(/^\/tic\/[a-z]+$/)
    .describe('/tic/<service>'),
  subject: entityId.describe('the id of the aggregate the event is about'),
  time: instant,
  datacontenttype: z.literal('application/json'),
  aggregateversion: z.number().int().min(1).describe('1, 2, 3… per aggregate'),
  traceparent: z
    .string()
    .regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/)
    .optional(),
  correlationid: z.string().min(1).max(128).optional(),
};

/** Declares an event type; `type` must be `tic.<aggregate>.<event>` in lower case. */
export function defineEvent<const T extends EventTypeName, D extends z.ZodType>(definition: {
  type: T;
  producer: ServiceName | readonly ServiceName[];
  summary: string;
  data: D;
}): EventDefinition<T, D> {
  const match = /^tic\.([a-z_]+)\.([a-z_]+)$/.exec(definition.type);
  if (!match?.[1]) throw new RangeError(`event type must be tic.<aggregate>.<event>, got ${definition.type}`);
  const producers = z.array(serviceNameSchema).min(1).parse([definition.producer].flat());
  const envelope = z
    .object({ ...envelopeFields, type: z.literal(definition.type), data: definition.data })
    .meta({ title: definition.type, description: definition.summary });
  return {
    type: definition.type,
    summary: definition.summary,
    data: definition.data,
    producers,
    aggregate: match[1],
    subject: eventSubject(definition.type),
    envelope: envelope as unknown as z.ZodType<CloudEvent<T, z.output<D>>>,
  };
}

/** What a producer supplies; the envelope's constants are filled in. */
export interface NewEvent<D> {
  /** Needed only where several services publish the type. */
  readonly producer?: ServiceName;
  readonly id: string;
  readonly subject: string;
  readonly time: string;
  readonly aggregateVersion: number;
  readonly data: D;
  readonly traceparent?: string;
  readonly correlationId?: string;
}

/** Builds and validates an event document; throws a ZodError when the data breaks its schema. */
export function createEvent<T extends EventTypeName, D extends z.ZodType>(
  definition: EventDefinition<T, D>,
  event: NewEvent<z.input<D>>,
): CloudEvent<T, z.output<D>> {
  const [only, ...others] = definition.producers;
  const producer = event.producer ?? (others.length === 0 ? only : undefined);
  if (producer === undefined || !definition.producers.includes(producer)) {
    throw new RangeError(`${definition.type} is published by ${definition.producers.join(' or ')}; name the producer`);
  }
  return definition.envelope.parse({
    specversion: '1.0',
    id: event.id,
    source: eventSource(producer),
    type: definition.type,
    subject: event.subject,
    time: event.time,
    datacontenttype: 'application/json',
    aggregateversion: event.aggregateVersion,
    ...(event.traceparent === undefined ? {} : { traceparent: event.traceparent }),
    ...(event.correlationId === undefined ? {} : { correlationid: event.correlationId }),
    data: event.data,
  });
}
