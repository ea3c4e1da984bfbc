import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { headers as natsHeaders } from '@nats-io/transport-node';

import { eventSubject } from '@tic/contracts';

import type { NatsConnectionService } from '../nats/nats-connection';
import { ensureEventStream } from './event-stream';
import { OutboxEvent } from './outbox-event.entity';

export interface OutboxRelayOptions {
  /** The service's schema; names the relay's advisory lock. */
  readonly schema: string;
  /** How often the relay looks for rows left behind (after a crash, or written by another instance). */
  readonly pollIntervalMs: number;
  readonly batchSize: number;
  /** Off only to let a test stop a service between commit and publication. */
  readonly enabled: boolean;
}

/**
 * Publishes committed outbox rows to JetStream with `Nats-Msg-Id` = event id, in journal order.
 * One pass at a time across all instances of the service (a transaction-scoped advisory lock);
 * the others skip. A row is marked published only after JetStream acknowledged it, so a crash
 * anywhere re-publishes at most what JetStream then de-duplicates.
 */
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly nats: NatsConnectionService,
    private readonly options: OutboxRelayOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureEventStream(await this.nats.jetstreamManager());
    if (!this.options.enabled) {
      this.logger.warn('outbox relay disabled: events stay in the outbox until a relay runs');
      return;
    }
    this.timer = setInterval(() => {
      this.kick();
    }, this.options.pollIntervalMs);
    this.kick();
  }

  /** Asks for a pass soon; passes never overlap within an instance. */
  kick(): void {
    if (this.stopped || !this.options.enabled) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Publishes until nothing is left (or another instance holds the lock); for tests and shutdown. */
  async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.publishBatch()) === this.options.batchSize);
    } catch (error) {
      this.logger.error(`outbox relay pass failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** One pass: returns how many events it published. */
  async publishBatch(): Promise<number> {
    const js = await this.nats.jetstream();
    return (this.orm.em.fork() as EntityManager).transactional(async (em: EntityManager) => {
      // em.execute, not the pool: the lock and the update must run inside this transaction.
      const [{ locked }] = await em.execute<[{ locked: boolean }]>(
        'select pg_try_advisory_xact_lock(hashtext(?)) as locked',
        [`${this.options.schema}.outbox_relay`],
      );
      if (!locked) return 0;
      const rows = await em.find(
        OutboxEvent,
        { publishedAt: null },
        { orderBy: { seq: 'asc' }, limit: this.options.batchSize, lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const published: OutboxEvent[] = [];
      try {
        for (const row of rows) {
          const headers = natsHeaders();
          headers.set('Nats-Msg-Id', row.eventId);
          headers.set('Content-Type', 'application/cloudevents+json');
          await js.publish(eventSubject(row.type), JSON.stringify(row.document), { msgID: row.eventId, headers });
          published.push(row);
        }
      } finally {
        // Whatever JetStream acknowledged is marked, even when a later publish in the batch failed.
        await this.markPublished(em, published);
      }
      return published.length;
    });
  }

  private async markPublished(em: EntityManager, rows: readonly OutboxEvent[]): Promise<void> {
    if (rows.length === 0) return;
    const table = `"${this.options.schema}"."outbox_event"`;
    await em.execute(
      `update ${table} set published_at = now(), position = next.position
         from (select seq, coalesce((select max(position) from ${table}), 0) + row_number() over (order by seq) as position
                 from ${table} where seq in (?)) as next
        where ${table}.seq = next.seq`,
      [rows.map((r) => r.seq)],
    );
  }

  // Before the NATS connection drains (onApplicationShutdown): an open pull or publish would hold the drain up.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
