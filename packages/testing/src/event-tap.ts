import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

import { EVENT_STREAM, type CloudEvent } from '@tic/contracts';

/** Reads the whole TIC_EVENTS stream from the start, as a late-subscribing agency would. */
export async function readAllEvents(natsUrl: string, timeoutMs = 2000): Promise<CloudEvent[]> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(EVENT_STREAM);
    const total = info.state.messages;
    if (total === 0) return [];
    const consumer = await jsm.consumers.add(EVENT_STREAM, {
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.All,
    });
    const js = jetstream(nc);
    const reader = await js.consumers.get(EVENT_STREAM, consumer.name);
    const events: CloudEvent[] = [];
    const messages = await reader.fetch({ max_messages: total, expires: timeoutMs });
    for await (const message of messages) events.push(message.json<CloudEvent>());
    await jsm.consumers.delete(EVENT_STREAM, consumer.name);
    return events;
  } finally {
    await nc.close();
  }
}
