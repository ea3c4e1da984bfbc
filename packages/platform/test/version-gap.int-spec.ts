import 'reflect-metadata';

import { setTimeout as sleep } from 'node:timers/promises';

import {
  eventually,
  startNatsServer,
  startPrivatePostgres,
  type PrivatePostgres,
  type TestNatsServer,
} from '@tic/testing';

import { ParkedEvent } from '../src';
import { CenterView, centerLife, createSchema, startReplica, type Replica } from './center-projection';
import { createEventStream, publishAll } from './event-publishing';

describe('a version that never arrives (private Postgres and NATS)', () => {
  let pg: PrivatePostgres;
  let nats: TestNatsServer;
  let replica: Replica;
  const em = () => replica.orm.em.fork();

  beforeAll(async () => {
    [pg, nats] = await Promise.all([startPrivatePostgres(), startNatsServer()]);
    await createSchema(pg.url, 'svc');
    await createEventStream(nats.url);
    replica = await startReplica(pg.url, nats.url, { maxGapRetries: 4, retryBaseMs: 200, retryMaxMs: 400 });
  }, 60_000);

  afterAll(async () => {
    await replica?.close();
    await nats?.stop();
    await pg?.destroy();
  });

  it('parks the waiting event as version_gap with its successors held; the replay applies them once the version came', async () => {
    const life = centerLife();
    const [established, renamed, statusChanged, revoked] = life.events;
    await publishAll(nats.url, [established!, statusChanged!]);
    const parked = () => em().find(ParkedEvent, { aggregateId: life.id }, { orderBy: { aggregateVersion: 'asc' } });
    await eventually(
      async () => {
        expect((await parked()).map((p) => [p.aggregateVersion, p.reason])).toEqual([[3, 'version_gap']]);
      },
      30_000,
      100,
    );
    // A later version waits behind the parked one instead of spending a budget of its own.
    await publishAll(nats.url, [revoked!]);
    await eventually(async () => {
      expect((await parked()).map((p) => [p.aggregateVersion, p.reason])).toEqual([
        [3, 'version_gap'],
        [4, 'held'],
      ]);
    }, 15_000);
    expect((await em().findOneOrFail(CenterView, life.id)).applied).toBe(1);

    // The missing version arrives (the publisher recovered it); the operator replays what was parked.
    await publishAll(nats.url, [renamed!]);
    await eventually(async () => {
      expect((await em().findOneOrFail(CenterView, life.id)).applied).toBe(2);
    }, 15_000);
    expect(await replica.consumers.replayParked()).toEqual({ replayed: 2, stillParked: 0 });
    expect(await em().findOneOrFail(CenterView, life.id)).toMatchObject({ applied: 4, status: 'revoked' });
  }, 60_000);

  it('does not spend the budget while Postgres is away', async () => {
    const life = centerLife();
    const [established, renamed, statusChanged, revoked] = life.events;
    await publishAll(nats.url, [established!]);
    await eventually(async () => {
      expect(await em().count(CenterView, { id: life.id })).toBe(1);
    }, 15_000);

    await pg.stop();
    await publishAll(nats.url, [statusChanged!, revoked!]);
    // Many deliveries of versions 3 and 4 while Postgres is down: more than the budget of 4.
    await sleep(4_000);
    await pg.start();
    await publishAll(nats.url, [renamed!]);

    await eventually(
      async () => {
        expect(await em().findOneOrFail(CenterView, life.id)).toMatchObject({ applied: 4, status: 'revoked' });
      },
      30_000,
      100,
    );
    expect(await em().count(ParkedEvent, { aggregateId: life.id })).toBe(0);
  }, 60_000);
});
