import { RetentionPolicy, StorageType, type JetStreamManager, type StreamConfig } from '@nats-io/jetstream';

import { ALL_EVENTS_SUBJECT, EVENT_STREAM } from '@tic/contracts';

const TWO_MINUTES_NS = 2 * 60 * 1_000_000_000;

/** The stream keeps every event for replay (no age limit); Nats-Msg-Id duplicates are dropped for two minutes. */
export const EVENT_STREAM_CONFIG: Partial<StreamConfig> & { name: string } = {
  name: EVENT_STREAM,
  subjects: [ALL_EVENTS_SUBJECT],
  storage: StorageType.File,
  retention: RetentionPolicy.Limits,
  max_age: 0,
  duplicate_window: TWO_MINUTES_NS,
  num_replicas: 1,
};

/** Creates the event stream, or brings an existing one to this configuration; safe to run at every start. */
export async function ensureEventStream(jsm: JetStreamManager): Promise<void> {
  try {
    await jsm.streams.info(EVENT_STREAM);
  } catch {
    try {
      await jsm.streams.add(EVENT_STREAM_CONFIG);
      return;
    } catch {
      // Another instance created it between our two calls; update it below like any existing stream.
    }
  }
  const { name: _name, storage: _storage, ...updatable } = EVENT_STREAM_CONFIG;
  await jsm.streams.update(EVENT_STREAM, updatable);
}
