import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

import { eventSubject, type CloudEvent } from '@tic/contracts';

import { ensureEventStream } from '../src';

/** Publishes events as a relay does (Nats-Msg-Id = event id), many in flight, in the given order. */
export async function publishAll(natsUrl: string, events: readonly CloudEvent[]): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const js = jetstream(nc);
    for (let i = 0; i < events.length; i += 200) {
      await Promise.all(
        events.slice(i, i + 200).map((e) => js.publish(eventSubject(e.type), JSON.stringify(e), { msgID: e.id })),
      );
    }
  } finally {
    await nc.close();
  }
}

/** Creates the event stream on a server, as a service's start would, before replicas consume. */
export async function createEventStream(natsUrl: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    await ensureEventStream(await jetstreamManager(nc));
  } finally {
    await nc.close();
  }
}
