import type { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';

import { createEvent, type EventDefinition, type EventTypeName, type ServiceName } from '@tic/contracts';

import { currentCallContext } from '../context/call-context';
import { currentTraceparent } from '../telemetry/trace-context';
import { EventTooLargeError } from './event-too-large.error';
import { OutboxEvent } from './outbox-event.entity';

export interface RecordEvent<D> {
  /** The aggregate's id. */
  readonly subject: string;
  /** The aggregate's version after the change. */
  readonly aggregateVersion: number;
  readonly data: D;
}

/**
 * The largest event document the outbox accepts, serialized: NATS refuses messages over the server's
 * `max_payload` (1 MiB by default), and the relay adds headers, so an event near that size could be
 * committed but never published.
 */
export const DEFAULT_MAX_EVENT_BYTES = 1_000_000;

/** Writes events into the outbox with the change they report; the caller's flush commits both. */
@Injectable()
export class EventOutbox {
  constructor(
    private readonly producer: ServiceName,
    private readonly maxEventBytes: number = DEFAULT_MAX_EVENT_BYTES,
  ) {}

  /**
   * Validates the event against its contract and persists it in `em`'s unit of work. Throws
   * EventTooLargeError, before anything is persisted, for an event JetStream could never carry: the
   * caller's transaction then fails whole instead of committing a change whose event cannot leave.
   */
  /** How many events about `subject` the outbox holds: the next one's aggregate version is one more. */
  recordedAbout(em: EntityManager, subject: string): Promise<number> {
    return em.count(OutboxEvent, { subject });
  }

  record<T extends EventTypeName, D extends z.ZodType>(
    em: EntityManager,
    definition: EventDefinition<T, D>,
    event: RecordEvent<z.input<D>>,
  ): OutboxEvent {
    const context = currentCallContext();
    // The span recording the change (when tracing is on), so that the event's consumers continue its trace.
    const traceparent = currentTraceparent();
    const now = new Date();
    const document = createEvent(definition, {
      producer: this.producer,
      id: uuidv7(),
      subject: event.subject,
      time: now.toISOString(),
      aggregateVersion: event.aggregateVersion,
      data: event.data,
      ...(traceparent ? { traceparent } : {}),
      ...(context?.correlationId ? { correlationId: context.correlationId } : {}),
    });
    const bytes = Buffer.byteLength(JSON.stringify(document), 'utf8');
    if (bytes > this.maxEventBytes) throw new EventTooLargeError(document.type, bytes, this.maxEventBytes);
    const row = em.create(OutboxEvent, {
      eventId: document.id,
      type: document.type,
      subject: document.subject,
      aggregateVersion: document.aggregateversion,
      document,
      createdAt: now,
      publishedAt: null,
      position: null,
    });
    em.persist(row);
    return row;
  }
}
