import { jetstream } from '@nats-io/jetstream';
import { connect, headers } from '@nats-io/transport-node';

import { eventSubject, type CloudEvent } from '@tic/contracts';

import type { TestNatsServer } from './nats-server';
import { natsUserOptions, type PlatformNatsUser } from './nats-users';

/**
 * Publishes events into TIC_EVENTS as another service's relay would, with the event id as Nats-Msg-Id:
 * on a server with the platform's users, as the user that owns them (`as`, default applications).
 */
export async function publishEvents(
  nats: TestNatsServer | string,
  events: readonly CloudEvent[],
  as: PlatformNatsUser = 'applications',
): Promise<void> {
  const nc = await connect(natsUserOptions(typeof nats === 'string' ? nats : nats.userEnv(as)));
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
