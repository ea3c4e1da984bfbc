import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

import { EVENT_STREAM, type CloudEvent } from '@tic/contracts';
import { natsUserOptions, type TestNatsServer } from '@tic/testing';

/** What the subscriber saw of one event. */
export interface SeenEvent {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly streamSeq: number;
  readonly data: Record<string, unknown>;
}

/**
 * A subscriber on TIC_EVENTS from its first message, as an agency reads it (the `agency_demo` durable
 * of users.conf, delivering everything from the start), running for the whole load test: the third
 * count next to each service's journal and the stream.
 */
export class EventSubscriber {
  readonly seen: SeenEvent[] = [];
  /** Batches cut off and fetched again. */
  interruptions = 0;
  private stopped = false;
  private done: Promise<void> = Promise.resolve();

  private constructor(private readonly nc: NatsConnection) {}

  static async start(nats: TestNatsServer): Promise<EventSubscriber> {
    const nc = await connect(natsUserOptions(nats.userEnv('agency_demo')));
    const jsm = await jetstreamManager(nc);
    await jsm.consumers.add(EVENT_STREAM, {
      durable_name: 'agency_demo',
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      // Unacknowledged messages of a cut-off batch come back soon.
      ack_wait: 5_000_000_000,
    });
    const subscriber = new EventSubscriber(nc);
    subscriber.done = subscriber.run();
    return subscriber;
  }

  /**
   * Fetches in batches until stopped; each message is acknowledged once it is counted. A batch cut off
   * (this busy process missing the server's heartbeats) is fetched again: what was delivered but not
   * acknowledged comes back, and is counted once by its stream sequence, since a redelivery to this
   * subscriber is no duplicate in the stream.
   */
  private async run(): Promise<void> {
    const consumer = await jetstream(this.nc).consumers.get(EVENT_STREAM, 'agency_demo');
    const counted = new Set<number>();
    while (!this.stopped) {
      try {
        const batch = await consumer.fetch({ max_messages: 500, expires: 5000 });
        for await (const message of batch) {
          if (!counted.has(message.seq)) {
            counted.add(message.seq);
            const event = message.json<CloudEvent>();
            const data = event.data as Record<string, unknown>;
            this.seen.push({ id: event.id, type: event.type, source: event.source, streamSeq: message.seq, data });
          }
          message.ack();
        }
      } catch (error) {
        this.interruptions += 1;
        if (this.interruptions > 1000) throw error;
      }
    }
  }

  /** How many messages the stream holds now. */
  async streamMessages(): Promise<number> {
    const jsm = await jetstreamManager(this.nc);
    return (await jsm.streams.info(EVENT_STREAM)).state.messages;
  }

  /** Stops fetching and removes the durable, so that a later full read can use the name again. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
    const jsm = await jetstreamManager(this.nc);
    await jsm.consumers.delete(EVENT_STREAM, 'agency_demo').catch(() => undefined);
    await this.nc.close();
  }
}
