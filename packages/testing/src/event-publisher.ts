import { jetstream } from '@nats-io/jetstream';
import { connect, headers } from '@nats-io/transport-node';

import { eventSubject, type CloudEvent } from '@tic/contracts';

/** Publishes events into TIC_EVENTS as another service's relay would, with the event id as Nats-Msg-Id. */
export async function publishEvents(natsUrl: string, events: readonly CloudEvent[]): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const js = jetstream(nc);
    for (const event of events) {
      const h = headers();
      h.set('Nats-Msg-Id', event.id);
      await js.publish(eventSubject(event.type), JSON.stringify(event), { headers: h });
    }
  } finally {
    await nc.close();
  }
}
