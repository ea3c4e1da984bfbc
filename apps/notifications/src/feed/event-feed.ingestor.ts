import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AckPolicy, DeliverPolicy, type ConsumerConfig, type JsMsg } from '@nats-io/jetstream';

import { EVENT_STREAM, EVENT_SUBJECT_PREFIX, parseEvent, type TicEvent } from '@tic/contracts';
import {
  centerDirectorySubscription,
  DirectoryCenter,
  ensureEventStream,
  isTransientFailure,
  NatsConnectionService,
  PLATFORM_CONFIG,
} from '@tic/platform';

import type { NotificationsConfig } from '../config';
import { FEED_LISTENERS, type FeedListener, type RecordedEvent } from './feed-listener';
import { FeedReactionFailure } from './feed-reaction-failure.entity';
import { applicationStatusOf, centerOfEvent, cityOfRegion } from './event-scope';

export const FEED_DURABLE = 'notifications-feed';
export const FEED_TABLE = '"notifications"."feed_event"';
const ACK_WAIT_NS = 30 * 1_000_000_000;

/**
 * Records every event of `tic.events.>` in `feed_event`, in stream order, and runs the reactions to
 * it (webhook deliveries, the inbox) in the same transaction. The durable lets one batch be
 * outstanding at a time (max_ack_pending = the batch), so replicas take turns and a row is never
 * committed after a later one; a batch is acknowledged only once committed, so a crash redelivers it
 * and the event ids make the second pass a no-op.
 */
@Injectable()
export class EventFeedIngestor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventFeedIngestor.name);
  private readonly directory = centerDirectorySubscription('feed-directory');
  private loop: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly nats: NatsConnectionService,
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
    @Inject(FEED_LISTENERS) private readonly listeners: readonly FeedListener[],
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
        await this.ensureDurable();
        const consumer = await (await this.nats.jetstream()).consumers.get(EVENT_STREAM, FEED_DURABLE);
        while (!this.isStopped()) {
          const messages: JsMsg[] = [];
          const batch = await consumer.fetch({ max_messages: this.config.FEED_BATCH_SIZE, expires: 2_000 });
          for await (const message of batch) messages.push(message);
          if (messages.length === 0) continue;
          await this.ingest(messages);
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

  private async ensureDurable(): Promise<void> {
    const jsm = await this.nats.jetstreamManager();
    await ensureEventStream(jsm);
    const config: Partial<ConsumerConfig> & { durable_name: string } = {
      durable_name: FEED_DURABLE,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: ACK_WAIT_NS,
      max_deliver: -1,
      max_ack_pending: this.config.FEED_BATCH_SIZE,
      filter_subject: `${EVENT_SUBJECT_PREFIX}.>`,
    };
    try {
      await jsm.consumers.update(EVENT_STREAM, FEED_DURABLE, config);
    } catch {
      await jsm.consumers.add(EVENT_STREAM, config);
    }
  }

  /** Records one batch and its reactions in one transaction, then acknowledges it; public for tests. */
  async ingest(messages: readonly JsMsg[]): Promise<void> {
    const events: TicEvent[] = [];
    for (const message of messages) {
      const parsed = parseEvent(safeJson(message.string()));
      if (parsed.ok) events.push(parsed.event);
      else this.logger.error(`feed: skipped message ${message.seq}, which breaks the contract`);
    }
    try {
      await this.orm.em.fork().transactional((em) => this.record(em, events));
    } catch (error) {
      for (const message of messages) message.nak(1_000);
      throw error;
    }
    for (const message of messages) message.ack();
  }

  private async record(em: EntityManager, events: readonly TicEvent[]): Promise<void> {
    const recorded: RecordedEvent[] = [];
    for (const event of events) {
      if (event.type.startsWith('tic.center.')) await this.directory.handle(em, event).catch(() => undefined);
      await em.flush();
      const centerId = centerOfEvent(event);
      const center = centerId === null ? null : await em.findOne(DirectoryCenter, centerId);
      const cityCode = cityOfRegion(center?.regionCode);
      const [row] = await em.execute<{ position: string }[]>(
        `insert into ${FEED_TABLE} (event_id, type, center_id, city_code, application_status, document, recorded_at)
         values (?, ?, ?, ?, ?, ?, now()) on conflict (event_id) do nothing returning position`,
        [event.id, event.type, centerId, cityCode, applicationStatusOf(event), JSON.stringify(event)],
      );
      if (row === undefined) continue;
      recorded.push({ position: String(row.position), event, centerId, cityCode, center });
    }
    if (recorded.length === 0) return;
    for (const listener of this.listeners) await this.react(em, listener, recorded);
  }

  private async react(em: EntityManager, listener: FeedListener, events: readonly RecordedEvent[]): Promise<void> {
    try {
      await em.transactional((inner) => listener.onRecorded(inner, events));
    } catch (error) {
      if (isTransientFailure(error)) throw error;
      const first = events[0]?.position ?? '0';
      const last = events.at(-1)?.position ?? first;
      this.logger.error(`feed: ${listener.name} failed on positions ${first}–${last}: ${describe(error)}`);
      em.persist(
        em.create(FeedReactionFailure, {
          listener: listener.name,
          firstPosition: first,
          lastPosition: last,
          error: describe(error),
        }),
      );
    }
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
