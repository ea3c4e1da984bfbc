import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';

import type { TicEvent } from '@tic/contracts';
import { centerDirectorySubscription, DirectoryCenter, isTransientFailure } from '@tic/platform';

import { applicationStatusOf, centerOfEvent, cityOfRegion } from './event-scope';
import { FEED_LISTENERS, type FeedListener, type RecordedEvent } from './feed-listener';
import { FeedReactionFailure } from './feed-reaction-failure.entity';

export const FEED_TABLE = '"notifications"."feed_event"';

/**
 * Records events in `feed_event` and runs the reactions to them, inside the caller's transaction. The
 * feed keeps the kit's center directory itself, in stream order, so that each event finds its center
 * (and city) as it stood then.
 */
@Injectable()
export class FeedRecorder {
  private readonly logger = new Logger(FeedRecorder.name);
  private readonly directory = centerDirectorySubscription('feed-directory');

  constructor(@Inject(FEED_LISTENERS) private readonly listeners: readonly FeedListener[]) {}

  async record(em: EntityManager, events: readonly TicEvent[]): Promise<number> {
    const recorded: RecordedEvent[] = [];
    for (const event of events) {
      // A change to a center the directory never saw (a stream cut at its head) still goes into the feed.
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
      recorded.push({ position: row.position, event, centerId, cityCode, center });
    }
    if (recorded.length > 0) for (const listener of this.listeners) await this.react(em, listener, recorded);
    return recorded.length;
  }

  private async react(em: EntityManager, listener: FeedListener, events: readonly RecordedEvent[]): Promise<void> {
    try {
      await em.transactional((inner) => listener.onRecorded(inner, events));
    } catch (error) {
      if (isTransientFailure(error)) throw error;
      const first = events[0]?.position ?? '0';
      const last = events.at(-1)?.position ?? first;
      const text = error instanceof Error ? error.message : String(error);
      this.logger.error(`feed: ${listener.name} failed on positions ${first}–${last}: ${text}`);
      em.persist(
        em.create(FeedReactionFailure, {
          listener: listener.name,
          firstPosition: first,
          lastPosition: last,
          error: text,
        }),
      );
    }
  }
}
