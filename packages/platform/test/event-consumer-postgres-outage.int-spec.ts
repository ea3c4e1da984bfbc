import 'reflect-metadata';

import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

import { EVENT_STREAM } from '@tic/contracts';
import {
  eventually,
  startNatsServer,
  startPrivatePostgres,
  type PrivatePostgres,
  type TestNatsServer,
} from '@tic/testing';

import { EventFailure, ParkedEvent } from '../src';
import { CenterView, centerLife, createSchema, startReplica, type Replica } from './center-projection';
import { createEventStream, publishAll } from './event-publishing';

// The scenario: Postgres away for a minute while events keep arriving.
const OUTAGE_MS = Number(process.env.TIC_OUTAGE_MS ?? 60_000);
const MAX_FAILURES = 2;

describe('Postgres down for 60 s while events are consumed (private Postgres and NATS)', () => {
  let pg: PrivatePostgres;
  let nats: TestNatsServer;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    [pg, nats] = await Promise.all([startPrivatePostgres(), startNatsServer()]);
    await createSchema(pg.url, 'svc');
    await createEventStream(nats.url);
    // A budget of two logic failures: were outages counted, every waiting event would be parked.
    replicas = await Promise.all([
      startReplica(pg.url, nats.url, { maxFailures: MAX_FAILURES }),
      startReplica(pg.url, nats.url, { maxFailures: MAX_FAILURES }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await nats?.stop();
    await pg?.destroy();
  });

  it(
    'applies every event exactly once after recovery, parks nothing, and nobody exits',
    async () => {
      const before = Array.from({ length: 50 }, () => centerLife());
      const during = Array.from({ length: 100 }, () => centerLife());
      await publishAll(
        nats.url,
        before.flatMap((l) => l.events),
      );
      await eventually(async () => {
        expect(await replicas[0]!.orm.em.fork().count(CenterView, { applied: 4 })).toBe(50);
      }, 60_000);

      await pg.stop();
      await publishAll(
        nats.url,
        during.flatMap((l) => l.events),
      );
      const nc = await connect({ servers: nats.url });
      const jsm = await jetstreamManager(nc);
      // The consumers keep trying during the outage: deliveries pile up far beyond the budget of two.
      await eventually(async () => {
        const info = await jsm.consumers.info(EVENT_STREAM, 'svc-centers');
        expect(info.num_redelivered).toBeGreaterThan(50);
      }, OUTAGE_MS);
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      const redelivered = (await jsm.consumers.info(EVENT_STREAM, 'svc-centers')).num_redelivered;
      await pg.start();

      const em = () => replicas[0]!.orm.em.fork();
      await eventually(
        async () => {
          expect(await em().count(CenterView, { applied: 4, status: 'revoked' })).toBe(150);
        },
        120_000,
        250,
      );
      const views = await em().find(CenterView, {});
      expect(views.filter((v) => v.applied !== 4)).toEqual([]);
      for (const life of [...before, ...during]) expect(views.find((v) => v.id === life.id)?.name).toBe(life.renamedTo);
      expect(await em().count(ParkedEvent, {})).toBe(0);
      expect(await em().count(EventFailure, {})).toBe(0);
      expect(redelivered).toBeGreaterThan(100);
      await eventually(async () => {
        const info = await jsm.consumers.info(EVENT_STREAM, 'svc-centers');
        expect(info.num_pending + info.num_ack_pending).toBe(0);
      });
      await nc.close();
    },
    OUTAGE_MS + 300_000,
  );
});
