import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';

import { EVENT_STREAM, eventSubject, parseEvent, type EventType, type TicEvent } from '@tic/contracts';

import { newCorrelationId, runInCallContext } from '../context/call-context';
import type { NatsConnectionService } from '../nats/nats-connection';
import { ensureEventStream } from './event-stream';
import { InboxEntry } from './inbox-entry.entity';
import { ParkedEvent } from './parked-event.entity';

/** What a service does with one kind of event, inside the transaction that records it as processed. */
export interface EventSubscription<T extends EventType = EventType> {
  /** Short name; the inbox records events under `<service>-<name>`. */
  readonly name: string;
  readonly types: readonly T[];
  readonly handle: (em: EntityManager, event: TicEvent) => Promise<void>;
}

export interface EventConsumerOptions {
  readonly service: string;
  /** Deliveries before a failing event is parked. */
  readonly maxDeliveries: number;
}

const ACK_WAIT_NS = 30 * 1_000_000_000;

/**
 * Runs durable JetStream pull consumers with explicit acks. Each event is applied once: the inbox
 * row and the effect commit together, so a redelivery finds the row and does nothing. A malformed
 * event, or one that keeps failing, is parked in Postgres and terminated instead of retried forever.
 */
export class EventConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumers.name);
  private readonly running: ConsumerMessages[] = [];
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly orm: MikroORM,
    private readonly nats: NatsConnectionService,
    private readonly options: EventConsumerOptions,
    private readonly subscriptions: readonly EventSubscription[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.subscriptions.length === 0) return;
    const jsm = await this.nats.jetstreamManager();
    await ensureEventStream(jsm);
    const js = await this.nats.jetstream();
    // One durable consumer per event type: nats-server 2.9 filters a consumer on one subject only.
    for (const subscription of this.subscriptions) {
      for (const type of subscription.types) {
        const durable = `${this.options.service}-${subscription.name}-${type.slice('tic.'.length).replace('.', '-')}`;
        const config = {
          durable_name: durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          ack_wait: ACK_WAIT_NS,
          max_deliver: this.options.maxDeliveries,
          filter_subject: eventSubject(type),
        };
        try {
          await jsm.consumers.info(EVENT_STREAM, durable);
          await jsm.consumers.update(EVENT_STREAM, durable, config);
        } catch {
          await jsm.consumers.add(EVENT_STREAM, config);
        }
        const consumer = await js.consumers.get(EVENT_STREAM, durable);
        const messages = await consumer.consume({ max_messages: 64 });
        this.running.push(messages);
        this.loops.push(this.loop(`${this.options.service}-${subscription.name}`, messages, subscription));
      }
    }
  }

  private async loop(consumer: string, messages: ConsumerMessages, subscription: EventSubscription): Promise<void> {
    for await (const message of messages) {
      await this.process(consumer, message, subscription);
    }
  }

  /** Applies one message; public so that a test can drive it directly. */
  async process(consumer: string, message: JsMsg, subscription: EventSubscription): Promise<void> {
    let raw: unknown;
    try {
      raw = JSON.parse(message.string());
    } catch {
      await this.park(consumer, message, [{ path: '', message: 'not JSON' }]);
      return;
    }
    const parsed = parseEvent(raw);
    if (!parsed.ok) {
      await this.park(consumer, message, parsed.errors);
      return;
    }
    const event = parsed.event;
    try {
      await runInCallContext({ correlationId: event.correlationid ?? newCorrelationId() }, () =>
        (this.orm.em.fork() as EntityManager).transactional(async (em) => {
          const inserted: { affectedRows: number } = await em
            .createQueryBuilder(InboxEntry)
            .insert({ consumer, eventId: event.id, type: event.type, processedAt: new Date() })
            .onConflict(['consumer', 'eventId'])
            .ignore()
            .execute('run');
          if (inserted.affectedRows === 0) return;
          await subscription.handle(em, event);
        }),
      );
      message.ack();
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (message.info.deliveryCount >= this.options.maxDeliveries) {
        await this.park(consumer, message, [{ path: '', message: `failed ${message.info.deliveryCount} times: ${text}` }]);
        return;
      }
      this.logger.warn(`${consumer}: ${event.type} ${event.id} failed (delivery ${message.info.deliveryCount}): ${text}`);
      message.nak(1000 * 2 ** Math.min(message.info.deliveryCount, 6));
    }
  }

  private async park(consumer: string, message: JsMsg, errors: readonly { path: string; message: string }[]): Promise<void> {
    const em = (this.orm.em.fork() as EntityManager);
    em.persist(
      em.create(ParkedEvent, {
        consumer,
        natsSubject: message.subject,
        streamSequence: String(message.seq),
        payload: message.string(),
        errors,
        parkedAt: new Date(),
      }),
    );
    await em.flush();
    this.logger.error(`${consumer}: parked message ${message.seq} on ${message.subject}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
    message.term();
  }

  // Before the NATS connection drains (onApplicationShutdown): an open pull or publish would hold the drain up.
  async beforeApplicationShutdown(): Promise<void> {
    for (const messages of this.running) await messages.close();
    await Promise.allSettled(this.loops);
  }
}

/** Entities the consumer needs in the service's schema. */
export const EVENT_CONSUMER_ENTITIES = [InboxEntry, ParkedEvent];
