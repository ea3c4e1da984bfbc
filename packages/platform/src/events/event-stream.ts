import { RetentionPolicy, StorageType, type JetStreamManager, type StreamConfig } from '@nats-io/jetstream';

import { ALL_EVENTS_SUBJECT, EVENT_STREAM } from '@tic/contracts';

import { eventStreamReplicas } from '../config/event-stream-replicas';

const TWO_MINUTES_NS = 2 * 60 * 1_000_000_000;

/**
 * The stream keeps every event for replay (no age limit); Nats-Msg-Id duplicates are dropped for two
 * minutes. A JetStream cluster keeps `replicas` copies of it (3 on a three-node cluster; 1 on one server).
 */
export function eventStreamConfig(replicas: number): Partial<StreamConfig> & { name: string } {
  return {
    name: EVENT_STREAM,
    subjects: [ALL_EVENTS_SUBJECT],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    max_age: 0,
    duplicate_window: TWO_MINUTES_NS,
    num_replicas: replicas,
  };
}

/**
 * Creates the event stream with EVENT_STREAM_REPLICAS when it is missing, and leaves an existing one as
 * it is: for a tool run beside the services (the stream rebuild), whose environment must not scale a
 * three-replica stream down to its own default.
 */
export async function createEventStreamIfMissing(jsm: JetStreamManager): Promise<void> {
  try {
    await jsm.streams.info(EVENT_STREAM);
  } catch {
    await ensureEventStream(jsm);
  }
}

/**
 * Creates the event stream, or brings an existing one to this configuration (its replica count
 * included); safe to run at every start. The replicas come from EVENT_STREAM_REPLICAS unless given.
 */
export async function ensureEventStream(
  jsm: JetStreamManager,
  replicas: number = eventStreamReplicas(),
): Promise<void> {
  const config = eventStreamConfig(replicas);
  try {
    await jsm.streams.info(EVENT_STREAM);
  } catch {
    try {
      await jsm.streams.add(config);
      return;
    } catch {
      // Another instance created it between our two calls; update it below like any existing stream.
    }
  }
  const { name: _name, storage: _storage, ...updatable } = config;
  await jsm.streams.update(EVENT_STREAM, updatable);
}
