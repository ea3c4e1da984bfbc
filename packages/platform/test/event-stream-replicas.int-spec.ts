import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

import { EVENT_STREAM } from '@tic/contracts';
import { eventually } from '@tic/testing';

import { ensureEventStream } from '../src';
import { startNatsCluster, type TestNatsCluster } from './support/nats-cluster';

describe('the event stream on a three-node JetStream cluster (EVENT_STREAM_REPLICAS=3)', () => {
  let cluster: TestNatsCluster;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    cluster = await startNatsCluster(3);
    nc = await connect({ servers: cluster.servers });
    jsm = await jetstreamManager(nc, { checkAPI: false });
    // The nodes elect a JetStream meta leader a moment after they meet; until then the API refuses.
    await eventually(() => jsm.getAccountInfo(), 30_000, 200);
  }, 60_000);

  afterAll(async () => {
    await nc?.close();
    await cluster?.stop();
  });

  it('keeps the stream on every node, and leaves it so when a service starts again', async () => {
    await eventually(() => ensureEventStream(jsm, 3), 30_000, 200);
    await ensureEventStream(jsm, 3);
    const info = await eventually(
      async () => {
        const current = await jsm.streams.info(EVENT_STREAM);
        expect(current.cluster?.replicas).toHaveLength(2);
        return current;
      },
      30_000,
      200,
    );
    expect(info.config.num_replicas).toBe(3);
    expect([info.cluster?.leader, ...(info.cluster?.replicas ?? []).map((r) => r.name)].sort()).toEqual([
      'tic-node-0',
      'tic-node-1',
      'tic-node-2',
    ]);
  });

  it('brings a one-copy stream (a deployment that grew from one server) to three copies', async () => {
    await jsm.streams.delete(EVENT_STREAM);
    await ensureEventStream(jsm, 1);
    expect((await jsm.streams.info(EVENT_STREAM)).config.num_replicas).toBe(1);
    await ensureEventStream(jsm, 3);
    const info = await eventually(
      async () => {
        const current = await jsm.streams.info(EVENT_STREAM);
        expect(current.cluster?.replicas).toHaveLength(2);
        return current;
      },
      30_000,
      200,
    );
    expect(info.config.num_replicas).toBe(3);
  });
});
