import type { EntityManager } from '@mikro-orm/postgresql';

import type { TicEvent } from '@tic/contracts';
import type { DirectoryCenter } from '@tic/platform';

/** An event as the feed recorded it, with what the filters and the inbox need about its center. */
export interface RecordedEvent {
  readonly position: string;
  readonly event: TicEvent;
  readonly centerId: string | null;
  readonly cityCode: string | null;
  /** The center as it stood once this event applied (the feed keeps the directory in stream order). */
  readonly center: DirectoryCenter | null;
}

/**
 * What reacts to newly recorded events inside the feed's transaction (webhook deliveries, the inbox),
 * so that nothing is recorded without its reactions. One failing reaction is set aside, not retried
 * forever: it must not hold back every agency's feed.
 */
export interface FeedListener {
  readonly name: string;
  onRecorded(em: EntityManager, events: readonly RecordedEvent[]): Promise<void>;
}

export const FEED_LISTENERS = Symbol('FEED_LISTENERS');
