import type { MikroORM } from '@mikro-orm/postgresql';
import { Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, type ConsumerConfig, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';

import { EVENT_STREAM, EVENT_SUBJECT_PREFIX, type TicEvent } from '@tic/contracts';

import { newCorrelationId, runInCallContext } from '../context/call-context';
import type { NatsConnectionService } from '../nats/nats-connection';
import { eventProcessSpan } from '../telemetry/messaging-spans';
import { inSpan } from '../telemetry/spans';
import { ConsumerPosition } from './consumer-position.entity';
import { EventApplier, type ParkedMessage } from './event-applier';
import { EventFailure } from './event-failure.entity';
import { parseMessage } from './event-message';
import { EventNotYetKnownError } from './event-not-yet-known.error';
import { ensureEventStream } from './event-stream';
import type { EventSubscription } from './event-subscription';
import { InboxEntry } from './inbox-entry.entity';
import { deleteLegacyDurables } from './legacy-durables';
import { ParkedEvent } from './parked-event.entity';
import { ParkedEventReplayer, type ReplayFilter, type ReplayReport } from './parked-event-replayer';
import { isTransientFailure } from './transient-failure';

export type { EventSubscription } from './event-subscription';

export interface EventConsumerOptions {
  readonly service: string;
  /** Logic failures (counted in Postgres) before an event is parked; transient failures never count. */
  readonly maxFailures: number;
  /** Off for a command (replay) that builds the service without consuming. */
  readonly consume?: boolean;
  /** First delay of a retry, doubled per attempt up to `retryMaxMs`. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /**
   * Deliveries that found an earlier version of the aggregate missing (counted in Postgres, like
   * logic failures) before the event is parked as `version_gap` for an operator (default 60: some
   * five minutes at the 5 s longest retry delay). Transient failures never count.
   */
  readonly maxGapRetries?: number;
}

const ACK_WAIT_NS = 30 * 1_000_000_000;
// Messages fetched but not yet acknowledged, per durable: those waiting for an earlier version count too.
const MAX_ACK_PENDING = 20_000;

/**
 * Runs one durable JetStream pull consumer per subscription, filtered on its aggregate
 * (`tic.events.<aggregate>.>`: nats-server 2.9 takes one filter subject), so that a version guard
 * in Postgres can apply each aggregate's events in `aggregateversion` order across event types and
 * replicas. A database outage only delays events; a logic error parks an event after
 * `maxFailures` tries, and the events of its aggregate after it wait, parked, for its replay.
 * A missing durable (deleted, or its stream re-created) is re-created by the consume loop.
 */
export class EventConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumers.name);
  private readonly applier: EventApplier;
  private readonly open = new Set<ConsumerMessages>();
  private readonly loops: Promise<unknown>[] = [];
  private readonly wakers = new Set<() => void>();
  private readonly quietUntil = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly nats: NatsConnectionService,
    private readonly options: EventConsumerOptions,
    private readonly subscriptions: readonly EventSubscription[],
  ) {
    this.applier = new EventApplier(orm);
  }

  /** `<service>-<name>`: the durable consumer's name, and the consumer recorded in the inbox. */
  consumerName(subscription: EventSubscription): string {
    return `${this.options.service}-${subscription.name}`;
  }

  onApplicationBootstrap(): void {
    if (this.options.consume === false) return;
    this.loops.push(this.retireLegacyDurables());
    for (const subscription of this.subscriptions) this.loops.push(this.run(subscription));
  }

  /** Deletes this service's durables of the one-per-event-type scheme (legacy-durables.ts); never fails the start. */
  async retireLegacyDurables(): Promise<string[]> {
    try {
      const jsm = await this.nats.jetstreamManager();
      await ensureEventStream(jsm);
      const declared = new Set(this.subscriptions.map((s) => this.consumerName(s)));
      const deleted = await deleteLegacyDurables(jsm, this.options.service, declared);
      if (deleted.length > 0) this.logger.log(`deleted legacy durable consumers: ${deleted.join(', ')}`);
      return deleted;
    } catch (error) {
      this.logger.warn(`could not look for legacy durable consumers: ${describe(error)}`);
      return [];
    }
  }

  /** Re-injects parked events through the same handlers and version guard (`events:replay-parked`). */
  replayParked(filter: ReplayFilter = {}): Promise<ReplayReport> {
    const byConsumer = new Map(this.subscriptions.map((s) => [this.consumerName(s), s]));
    return new ParkedEventReplayer(this.orm, this.applier, byConsumer).replay(filter);
  }

  private async run(subscription: EventSubscription): Promise<void> {
    const durable = this.consumerName(subscription);
    for (let attempt = 0; this.running(); attempt++) {
      try {
        const messages = await this.openConsumer(durable, subscription);
        this.open.add(messages);
        attempt = 0;
        try {
          for await (const message of messages) await this.process(durable, message, subscription);
        } finally {
          this.open.delete(messages);
        }
      } catch (error) {
        if (this.running()) this.logger.warn(`${durable}: consumer stopped (${describe(error)}); re-creating it`);
      }
      if (this.running()) await this.pause(this.delay(attempt));
    }
  }

  // A method, not the field: the flag changes while a loop awaits.
  private running(): boolean {
    return !this.stopped;
  }

  // Creates the durable when missing (an operator deleted it, or the stream was re-created) and starts pulling.
  private async openConsumer(durable: string, subscription: EventSubscription): Promise<ConsumerMessages> {
    const jsm = await this.nats.jetstreamManager();
    await ensureEventStream(jsm);
    const config: Partial<ConsumerConfig> & { durable_name: string } = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: ACK_WAIT_NS,
      // Unlimited: JetStream counts every delivery, and the budget of logic failures lives in Postgres.
      max_deliver: -1,
      max_ack_pending: MAX_ACK_PENDING,
      filter_subject: `${EVENT_SUBJECT_PREFIX}.${subscription.aggregate}.>`,
    };
    try {
      await jsm.consumers.update(EVENT_STREAM, durable, config);
    } catch {
      await jsm.consumers.add(EVENT_STREAM, config);
    }
    const consumer = await (await this.nats.jetstream()).consumers.get(EVENT_STREAM, durable);
    return consumer.consume({ max_messages: 64, expires: 5_000, abort_on_missing_resource: true });
  }

  /** Applies one message and acknowledges it accordingly; public so that a test can drive it directly. */
  async process(consumer: string, message: JsMsg, subscription: EventSubscription): Promise<void> {
    const payload = message.string();
    const parsed = parseMessage(payload);
    const parked: ParkedMessage = {
      natsSubject: message.subject,
      streamSequence: message.seq,
      payload,
      ...parsed.identity,
    };
    try {
      if (!parsed.event) {
        await this.applier.park(consumer, 'malformed', parked, parsed.errors);
        this.logger.error(
          `${consumer}: parked malformed message ${message.seq}: ${parsed.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
        );
        message.term();
        return;
      }
      await this.apply(consumer, message, subscription, parsed.event, parked);
    } catch (error) {
      // Postgres could not even record the failure or the park: nothing was decided, try again later.
      this.transient(consumer, message, error);
    }
  }

  private async apply(
    consumer: string,
    message: JsMsg,
    subscription: EventSubscription,
    event: TicEvent,
    parked: ParkedMessage,
  ): Promise<void> {
    const deliveries = message.info.deliveryCount;
    try {
      const outcome = await inSpan(processSpan(consumer, message, event), () =>
        runInCallContext({ correlationId: event.correlationid ?? newCorrelationId() }, () =>
          this.applier.apply(consumer, subscription, event, { hold: parked, clearFailures: deliveries > 1 }),
        ),
      );
      if (outcome.kind === 'gap') {
        await this.waitForGap(consumer, message, event, parked, outcome.expected);
        return;
      }
      if (outcome.kind === 'held')
        this.logger.warn(
          `${consumer}: ${event.type} ${event.id} parked behind an earlier parked version of ${event.subject}`,
        );
      message.ack();
    } catch (error) {
      if (isTransientFailure(error)) {
        this.transient(consumer, message, error);
        return;
      }
      if (error instanceof EventNotYetKnownError) {
        message.nak(this.delay(deliveries - 1));
        return;
      }
      const text = describe(error);
      const failures = await this.applier.recordFailure(consumer, event.id, text);
      if (failures >= this.options.maxFailures) {
        await this.applier.park(consumer, 'failed', parked, [
          { path: '', message: `failed ${failures} times: ${text}` },
        ]);
        this.logger.error(`${consumer}: parked ${event.type} ${event.id} after ${failures} failures: ${text}`);
        message.term();
        return;
      }
      this.logger.warn(
        `${consumer}: ${event.type} ${event.id} failed (${failures} of ${this.options.maxFailures}): ${text}`,
      );
      message.nak(this.delay(failures));
    }
  }

  // A version that never comes would stall the aggregate silently: after the budget, an operator sees it parked.
  private async waitForGap(
    consumer: string,
    message: JsMsg,
    event: TicEvent,
    parked: ParkedMessage,
    expected: number,
  ): Promise<void> {
    const text = `version ${expected} of ${event.subject} has not arrived (this is version ${event.aggregateversion})`;
    const waits = await this.applier.recordFailure(consumer, event.id, text);
    if (waits < (this.options.maxGapRetries ?? 60)) {
      message.nak(this.delay(message.info.deliveryCount - 1));
      return;
    }
    await this.applier.park(consumer, 'version_gap', parked, [
      { path: 'aggregateversion', message: `after ${waits} deliveries: ${text}` },
    ]);
    this.logger.error(`${consumer}: parked ${event.type} ${event.id}: ${text}`);
    message.term();
  }

  // Retried without counting; logged once in a while, not once per message, during an outage.
  private transient(consumer: string, message: JsMsg, error: unknown): void {
    const now = Date.now();
    if ((this.quietUntil.get(consumer) ?? 0) < now) {
      this.quietUntil.set(consumer, now + 5_000);
      this.logger.warn(`${consumer}: transient failure, message ${message.seq} will be retried: ${describe(error)}`);
    }
    message.nak(this.delay(message.info.deliveryCount));
  }

  private delay(attempt: number): number {
    const base = this.options.retryBaseMs ?? 100;
    return Math.min(base * 2 ** Math.min(attempt, 16), this.options.retryMaxMs ?? 5_000);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }

  // Before the NATS connection drains (onApplicationShutdown): an open pull would hold the drain up.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const wake of [...this.wakers]) wake();
    await Promise.allSettled([...this.open].map((messages) => messages.close()));
    await Promise.allSettled(this.loops);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Entities the consumer needs in the service's schema. */
export const EVENT_CONSUMER_ENTITIES = [InboxEntry, ParkedEvent, ConsumerPosition, EventFailure];

function processSpan(consumer: string, message: JsMsg, event: TicEvent) {
  const headerTraceparent = message.headers?.get('traceparent');
  return eventProcessSpan({
    consumer,
    subject: message.subject,
    eventId: event.id,
    eventType: event.type,
    ...(headerTraceparent ? { headerTraceparent } : {}),
    ...(event.traceparent ? { eventTraceparent: event.traceparent } : {}),
  });
}
