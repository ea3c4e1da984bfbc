import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

import { EVENT_STREAM, type CloudEvent } from '@tic/contracts';

import type { TestNatsServer } from './nats-server';
import { natsUserOptions } from './nats-users';

/**
 * Reads the whole TIC_EVENTS stream from the start, as a late-subscribing agency would: on a server
 * with the platform's users, as `agency_demo` through its own durable (CONTRACT.md), else anonymously.
 */
export async function readAllEvents(nats: TestNatsServer | string, timeoutMs = 2000): Promise<CloudEvent[]> {
  const nc = await connect(natsUserOptions(typeof nats === 'string' ? nats : nats.userEnv('agency_demo')));
  try {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(EVENT_STREAM);
    const total = info.state.messages;
    if (total === 0) return [];
    const consumer = await jsm.consumers.add(EVENT_STREAM, {
      // The agency's durable (users.conf names it); a fresh one each read, since it starts from the beginning.
      durable_name: 'agency_demo',
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
