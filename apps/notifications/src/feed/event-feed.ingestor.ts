import { LockMode } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AckPolicy, type Consumer, DeliverPolicy, type ConsumerConfig, type JsMsg } from '@nats-io/jetstream';

import { EVENT_STREAM, EVENT_SUBJECT_PREFIX, parseEvent, type TicEvent } from '@tic/contracts';
import { ensureEventStream, NatsConnectionService, PLATFORM_CONFIG } from '@tic/platform';

import type { NotificationsConfig } from '../config';
import { FeedCursor } from './feed-cursor.entity';
import { FeedRecorder } from './feed-recorder';
import { StreamSequence } from './stream-sequence';

export const FEED_DURABLE = 'notifications-feed';
// One feed per database, whatever the number of replicas.
const FEED_LOCK = 'notifications-feed';

/**
 * Records every event of `tic.events.>` in `feed_event`, in stream order, with its reactions (webhook
 * deliveries, the inbox) in the same transaction. Replicas take turns under an advisory lock, and the
 * cursor in Postgres accepts only the next stream sequence: JetStream may hand a replica later messages
 * while a crashed replica's batch waits for redelivery, and those go back (nak) until their turn. A
 * batch is acknowledged once committed; the event id makes a redelivered one a no-op.
 */
@Injectable()
export class EventFeedIngestor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventFeedIngestor.name);
  private loop: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly nats: NatsConnectionService,
    private readonly recorder: FeedRecorder,
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    for (let attempt = 0; !this.isStopped(); attempt++) {
      try {
        const sequence = await this.openStream();
        const consumer = await (await this.nats.jetstream()).consumers.get(EVENT_STREAM, FEED_DURABLE);
        while (!this.isStopped()) {
          await this.cycle(consumer, sequence);
          attempt = 0;
        }
      } catch (error) {
        if (!this.isStopped()) this.logger.warn(`feed: ${describe(error)}; retrying`);
        await this.pause(Math.min(100 * 2 ** Math.min(attempt, 6), 5_000));
      }
    }
  }

  private isStopped(): boolean {
    return this.stopped;
  }

  /** The stream, the durable, and a cursor that belongs to this stream (reset when it was re-created). */
  private async openStream(): Promise<StreamSequence> {
    const jsm = await this.nats.jetstreamManager();
    await ensureEventStream(jsm);
    const config: Partial<ConsumerConfig> & { durable_name: string } = {
      durable_name: FEED_DURABLE,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: this.config.FEED_ACK_WAIT_MS * 1_000_000,
      max_deliver: -1,
      max_ack_pending: this.config.FEED_BATCH_SIZE * 4,
      filter_subject: `${EVENT_SUBJECT_PREFIX}.>`,
    };
    try {
      await jsm.consumers.update(EVENT_STREAM, FEED_DURABLE, config);
    } catch {
      await jsm.consumers.add(EVENT_STREAM, config);
    }
    const sequence = new StreamSequence(jsm);
    await this.orm.em.fork().transactional((em) => sequence.adopt(em));
    return sequence;
  }

  /** One turn: take the lock, fetch, record what continues the stream, commit; then ack and nak. */
  private async cycle(consumer: Consumer, sequence: StreamSequence): Promise<void> {
    const messages: JsMsg[] = [];
    let deferred: JsMsg[] = [];
    try {
      await this.orm.em.fork().transactional(async (em: EntityManager) => {
        await em.execute('select pg_advisory_xact_lock(hashtext(?))', [FEED_LOCK]);
        const cursor = await em.findOneOrFail(
          FeedCursor,
          { stream: EVENT_STREAM },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        const batch = await consumer.fetch({ max_messages: this.config.FEED_BATCH_SIZE, expires: 1_000 });
        for await (const message of batch) messages.push(message);
        if (messages.length === 0) return;
        const split = await sequence.continuation(cursor, messages);
        deferred = split.deferred;
        await this.recorder.record(
          em,
          split.accepted.flatMap((message) => this.eventOf(message)),
        );
      });
    } catch (error) {
      for (const message of messages) message.nak(1_000);
      throw error;
    }
    const later = new Set(deferred);
    for (const message of messages) {
      // A later message waits for its turn: a short delay, since the turn is usually one redelivery away.
      if (later.has(message)) message.nak(200);
      else message.ack();
    }
  }

  private eventOf(message: JsMsg): TicEvent[] {
    let raw: unknown;
    try {
      raw = JSON.parse(message.string());
    } catch {
      raw = undefined;
    }
    const parsed = parseEvent(raw);
    if (parsed.ok) return [parsed.event];
    this.logger.error(`feed: skipped stream message ${message.seq}, which breaks the contract`);
    return [];
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
