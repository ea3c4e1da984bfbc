import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

import type { TicEvent } from '@tic/contracts';

import { ConsumerPosition } from './consumer-position.entity';
import type { EventSubscription } from './event-subscription';
import { InboxEntry } from './inbox-entry.entity';
import { ParkedEvent, type ParkReason } from './parked-event.entity';

export type ApplyOutcome =
  /** The effect and the new version committed together. */
  | { readonly kind: 'applied' }
  /** The version is at or below what was applied: a redelivery or a replay of the stream. */
  | { readonly kind: 'old' }
  /** An earlier version has not been applied yet: retry soon. */
  | { readonly kind: 'gap'; readonly expected: number }
  /** An earlier version is parked: this one was parked behind it, in the same transaction. */
  | { readonly kind: 'held' };

/** A message as it is kept when parked. */
export interface ParkedMessage {
  readonly natsSubject: string;
  readonly streamSequence: number;
  readonly payload: string;
  readonly eventId: string | null;
  readonly aggregateId: string | null;
  readonly aggregateVersion: number | null;
}

export interface ApplyOptions {
  /** Park the event as held when an earlier version of its aggregate is parked (live consumption). */
  readonly hold?: ParkedMessage;
  /** The parked row being replayed: marked replayed in the transaction that applies it. */
  readonly replaying?: string;
  /** Forget the failures counted for the event once it succeeds. */
  readonly clearFailures?: boolean;
}

/**
 * The version guard and the transaction of one event: lock the consumer's position for the
 * aggregate, apply the next version, ignore an old one, report a gap. The inbox row, the effect and
 * the position commit together, so a redelivery or a replay of the stream applies nothing twice.
 */
export class EventApplier {
  private readonly schema: string;

  constructor(private readonly orm: MikroORM) {
    // ormConfig always names the service's schema.
    this.schema = orm.config.get('schema');
  }

  async apply(
    consumer: string,
    subscription: EventSubscription,
    event: TicEvent,
    options: ApplyOptions = {},
  ): Promise<ApplyOutcome> {
    return this.orm.em.fork().transactional(async (em) => {
      await em
        .createQueryBuilder(ConsumerPosition)
        .insert({ consumer, aggregateId: event.subject, version: 0, updatedAt: new Date() })
        .onConflict(['consumer', 'aggregateId'])
        .ignore()
        .execute('run');
      // The row lock orders replicas: whoever holds it applies, the other waits and then sees the new version.
      const position = await em.findOneOrFail(
        ConsumerPosition,
        { consumer, aggregateId: event.subject },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const version = event.aggregateversion;
      if (version <= position.version) {
        if (options.replaying)
          await em.nativeUpdate(ParkedEvent, { id: options.replaying }, { replayedAt: new Date() });
        return { kind: 'old' };
      }
      if (version > position.version + 1) {
        if (options.hold && (await this.parkedBefore(em, consumer, event))) {
          await this.insertParked(em, consumer, 'held', options.hold, [
            {
              path: 'aggregateversion',
              message: `held: version ${position.version + 1} of ${event.subject} is parked`,
            },
          ]);
          return { kind: 'held' };
        }
        return { kind: 'gap', expected: position.version + 1 };
      }
      const inserted: { affectedRows: number } = await em
        .createQueryBuilder(InboxEntry)
        .insert({ consumer, eventId: event.id, type: event.type, processedAt: new Date() })
        .onConflict(['consumer', 'eventId'])
        .ignore()
        .execute('run');
      if (inserted.affectedRows > 0) await subscription.handle(em, event);
      position.version = version;
      position.updatedAt = new Date();
      if (options.replaying) await em.nativeUpdate(ParkedEvent, { id: options.replaying }, { replayedAt: new Date() });
      if (options.clearFailures)
        await em.execute(`delete from "${this.schema}"."event_failure" where consumer = ? and event_id = ?`, [
          consumer,
          event.id,
        ]);
      return { kind: 'applied' };
    });
  }

  /** Counts one logic failure of an event, in Postgres; returns how many it has had. */
  async recordFailure(consumer: string, eventId: string, error: string): Promise<number> {
    const rows = await this.orm.em.fork().execute<{ failures: number }[]>(
      `insert into "${this.schema}"."event_failure" (consumer, event_id, failures, last_error, last_failed_at) values (?, ?, 1, ?, now())
       on conflict (consumer, event_id) do update
         set failures = event_failure.failures + 1, last_error = excluded.last_error, last_failed_at = excluded.last_failed_at
       returning failures`,
      [consumer, eventId, error],
    );
    return rows[0]?.failures ?? 1;
  }

  /** Parks a message (once per consumer and event id) and forgets its counted failures. */
  async park(
    consumer: string,
    reason: ParkReason,
    message: ParkedMessage,
    errors: readonly { path: string; message: string }[],
  ): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      await this.insertParked(em, consumer, reason, message, errors);
      if (message.eventId)
        await em.execute(`delete from "${this.schema}"."event_failure" where consumer = ? and event_id = ?`, [
          consumer,
          message.eventId,
        ]);
    });
  }

  private async parkedBefore(em: EntityManager, consumer: string, event: TicEvent): Promise<boolean> {
    const count = await em.count(ParkedEvent, {
      consumer,
      aggregateId: event.subject,
      replayedAt: null,
      aggregateVersion: { $lt: event.aggregateversion },
    });
    return count > 0;
  }

  private async insertParked(
    em: EntityManager,
    consumer: string,
    reason: ParkReason,
    message: ParkedMessage,
    errors: readonly { path: string; message: string }[],
  ): Promise<void> {
    await em
      .createQueryBuilder(ParkedEvent)
      .insert({
        consumer,
        reason,
        eventId: message.eventId,
        aggregateId: message.aggregateId,
        aggregateVersion: message.aggregateVersion,
        natsSubject: message.natsSubject,
        streamSequence: String(message.streamSequence),
        payload: message.payload,
        errors,
        parkedAt: new Date(),
      })
      .onConflict(['consumer', 'eventId'])
      .ignore()
      .execute('run');
  }
}
