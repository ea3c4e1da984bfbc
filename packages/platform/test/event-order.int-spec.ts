import 'reflect-metadata';

import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

import { EVENT_STREAM } from '@tic/contracts';
import { createTestDatabase, eventually, startNatsServer, type TestDatabase, type TestNatsServer } from '@tic/testing';

import { ensureEventStream, ParkedEvent } from '../src';
import { CenterView, centerLife, createSchema, startReplica, type Replica } from './center-projection';
import { publishAll } from './event-publishing';

// Enough for the two replicas to interleave every aggregate's events; 1,000 once missed the bound below when CI
// ran every workspace at once (the last events of 29 centers still waiting their turn after seven minutes).
const CENTERS = 500;
// A bound on liveness, not a speed figure (bench/ measures speed): generous, since CI runs every workspace at once.
const CAUGHT_UP_WITHIN_MS = 420_000;

describe('order: one aggregate’s events in aggregateversion order across types and replicas (real Postgres and NATS)', () => {
  let db: TestDatabase;
  let nats: TestNatsServer;
  let replicas: Replica[] = [];
  const lives = Array.from({ length: CENTERS }, (_, i) => centerLife(`中心-${i}-更名`));

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('consumer_order'), startNatsServer()]);
    await createSchema(db.url, 'svc');
    const nc = await connect({ servers: nats.url });
    await ensureEventStream(await jetstreamManager(nc));
    await nc.close();
    replicas = await Promise.all([startReplica(db.url, nats.url), startReplica(db.url, nats.url)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await nats?.stop();
    await db?.drop();
  });

  async function expectAllCentersFinal(): Promise<void> {
    const em = replicas[0]!.orm.em.fork();
    const views = await em.find(CenterView, {});
    const byId = new Map(views.map((v) => [v.id, v]));
    const wrong = lives.filter((l) => {
      const view = byId.get(l.id);
      return view?.name !== l.renamedTo || view.status !== 'revoked' || view.applied !== 4;
    });
    expect(wrong.map((l) => ({ id: l.id, view: byId.get(l.id) })).slice(0, 3)).toEqual([]);
    expect(await em.count(ParkedEvent, {})).toBe(0);
  }

  it(
    '500 centers established → renamed → status_changed → revoked, consumed by two replicas, end renamed and revoked, each event applied once',
    async () => {
      await publishAll(
        nats.url,
        lives.flatMap((l) => l.events),
      );
      await eventually(expectAllCentersFinal, CAUGHT_UP_WITHIN_MS, 500);
      const nc = await connect({ servers: nats.url });
      const info = await (await jetstreamManager(nc)).consumers.info(EVENT_STREAM, 'svc-centers');
      await nc.close();
      expect(info.config.filter_subject).toBe('tic.events.center.>');
      expect(info.delivered.stream_seq).toBe(CENTERS * 4);
    },
    CAUGHT_UP_WITHIN_MS + 60_000,
  );

  it(
    'after the durable is deleted, the loops re-create it and replay the whole stream without applying anything twice',
    async () => {
      const nc = await connect({ servers: nats.url });
      const jsm = await jetstreamManager(nc);
      await jsm.consumers.delete(EVENT_STREAM, 'svc-centers');
      // Re-created by the consume loops, without a restart, and caught up from the first event.
      await eventually(
        async () => {
          const info = await jsm.consumers.info(EVENT_STREAM, 'svc-centers');
          expect(info.delivered.stream_seq).toBe(CENTERS * 4);
          expect(info.num_pending + info.num_ack_pending).toBe(0);
        },
        CAUGHT_UP_WITHIN_MS,
        500,
      );
      await nc.close();
      await expectAllCentersFinal();
    },
    CAUGHT_UP_WITHIN_MS + 60_000,
  );
});
