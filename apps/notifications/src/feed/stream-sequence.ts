import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Logger } from '@nestjs/common';
import type { JetStreamManager, JsMsg } from '@nats-io/jetstream';

import { EVENT_STREAM } from '@tic/contracts';

import { FeedCursor } from './feed-cursor.entity';

export interface Continuation {
  /** The messages that continue the stream from the cursor (and redeliveries of recorded ones). */
  readonly accepted: JsMsg[];
  /** Later messages, whose turn comes after a sequence another replica still holds. */
  readonly deferred: JsMsg[];
}

/** Which fetched messages continue the stream from the feed's cursor, and the cursor's care. */
export class StreamSequence {
  private readonly logger = new Logger(StreamSequence.name);

  constructor(private readonly jsm: JetStreamManager) {}

  /**
   * Makes the cursor belong to the stream as it is: a stream re-created (from the journals) starts its
   * sequences again, and one whose oldest messages were removed starts later; the event ids keep
   * either from recording an event twice.
   */
  async adopt(em: EntityManager): Promise<void> {
    const info = await this.jsm.streams.info(EVENT_STREAM);
    const before = String(Math.max(0, info.state.first_seq - 1));
    const cursor = await em.findOne(FeedCursor, { stream: EVENT_STREAM }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (cursor === null) {
      await em.execute(
        `insert into "notifications"."feed_cursor" (stream, last_sequence, stream_created) values (?, ?, ?)
         on conflict (stream) do nothing`,
        [EVENT_STREAM, before, info.created],
      );
      return;
    }
    if (cursor.streamCreated !== info.created) {
      this.logger.warn(`feed: ${EVENT_STREAM} was re-created (${info.created}); reading it from its first message`);
      cursor.lastSequence = before;
      cursor.streamCreated = info.created;
    } else if (BigInt(cursor.lastSequence) < BigInt(before)) {
      cursor.lastSequence = before;
    }
  }

  /** Splits a batch at the first sequence that is neither the next one nor gone from the stream. */
  async continuation(cursor: FeedCursor, messages: readonly JsMsg[]): Promise<Continuation> {
    const accepted: JsMsg[] = [];
    const deferred: JsMsg[] = [];
    let next = BigInt(cursor.lastSequence) + 1n;
    for (const message of [...messages].sort((a, b) => a.seq - b.seq)) {
      const sequence = BigInt(message.seq);
      while (deferred.length === 0 && sequence > next && (await this.absent(next))) next += 1n;
      if (sequence < next) accepted.push(message);
      else if (sequence === next && deferred.length === 0) {
        accepted.push(message);
        next += 1n;
      } else deferred.push(message);
    }
    cursor.lastSequence = String(next - 1n);
    return { accepted, deferred };
  }

  // A message deleted from the stream by hand would otherwise stall the feed for good.
  private async absent(sequence: bigint): Promise<boolean> {
    try {
      // Typed as always a message, yet a missing one answers null with some servers and throws with others.
      const message: unknown = await this.jsm.streams.getMessage(EVENT_STREAM, { seq: Number(sequence) });
      return message === null;
    } catch (error) {
      if (/no message found|not found/i.test(error instanceof Error ? error.message : String(error))) return true;
      throw error;
    }
  }
}
