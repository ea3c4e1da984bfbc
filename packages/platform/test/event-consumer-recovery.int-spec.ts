import 'reflect-metadata';

import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

import { createTestDatabase, eventually, startNatsServer, type TestNatsServer, type TestDatabase } from '@tic/testing';

import { ensureEventStream, ParkedEvent } from '../src';
import { CenterView, centerLife, createSchema, poison, startReplica, type Replica } from './center-projection';
import { publishAll } from './event-publishing';

describe('consumers recover: NATS restart, stream re-created, parked events replayed (private NATS, real Postgres)', () => {
  let db: TestDatabase;
  let nats: TestNatsServer;
  let replica: Replica;
  const em = () => replica.orm.em.fork();
  const admin = async <T>(fn: (nc: NatsConnection) => Promise<T>): Promise<T> => {
    const nc = await connect({ servers: nats.url });
    try {
      return await fn(nc);
    } finally {
      await nc.close();
    }
  };
  const applied = async (lives: readonly { id: string }[]) =>
    em().count(CenterView, { id: { $in: lives.map((l) => l.id) }, applied: 4 });

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('consumer_recovery'), startNatsServer()]);
    await createSchema(db.url, 'svc');
    await admin(async (nc) => ensureEventStream(await jetstreamManager(nc)));
    replica = await startReplica(db.url, nats.url, { maxFailures: 3 });
  }, 60_000);

  afterAll(async () => {
    poison.on = false;
    await replica?.close();
    await nats?.stop();
    await db?.drop();
  });

  it('resumes after nats-server restarts with the same store, without restarting the service', async () => {
    const first = Array.from({ length: 20 }, () => centerLife());
    await publishAll(
      nats.url,
      first.flatMap((l) => l.events),
    );
    await eventually(async () => {
      expect(await applied(first)).toBe(20);
    }, 30_000);
    await nats.halt();
    await nats.start();
    const second = Array.from({ length: 20 }, () => centerLife());
    await publishAll(
      nats.url,
      second.flatMap((l) => l.events),
    );
    await eventually(
      async () => {
        expect(await applied(second)).toBe(20);
      },
      60_000,
      200,
    );
  }, 120_000);

  it('re-creates its durable when the stream is re-created after a store loss, and applies only what is new', async () => {
    const old = Array.from({ length: 10 }, () => centerLife());
    await publishAll(
      nats.url,
      old.flatMap((l) => l.events),
    );
    await eventually(async () => {
      expect(await applied(old)).toBe(10);
    }, 30_000);
    // The broker comes back with an empty store, as from a lost disk; the relay re-creates the stream and
    // re-publishes the journal, then new events follow. (Deleting the stream on a live nats-server 2.9.10 and
    // re-creating it at once left the new stream without its message block file, once, on a loaded CI machine.)
    await nats.halt();
    nats.resetStore();
    await nats.start();
    await admin(async (nc) => ensureEventStream(await jetstreamManager(nc)));
    const fresh = Array.from({ length: 10 }, () => centerLife());
    await publishAll(
      nats.url,
      [...old, ...fresh].flatMap((l) => l.events),
    );
    await eventually(
      async () => {
        expect(await applied(fresh)).toBe(10);
      },
      // A liveness bound: the consume loops notice the lost durable on their own backoff, slower when CI runs
      // every workspace at once.
      150_000,
      200,
    );
    expect(await em().count(CenterView, { id: { $in: old.map((l) => l.id) }, applied: { $ne: 4 } })).toBe(0);
  }, 210_000);

  it('parks an event after its logic failures, holds its successors, and replays them in order once fixed', async () => {
    poison.on = true;
    const sick = centerLife(`中心-${poison.marker}`);
    const healthy = centerLife();
    await publishAll(nats.url, [...sick.events, ...healthy.events]);
    await eventually(
      async () => {
        expect(await applied([healthy])).toBe(1);
        const parked = await em().find(ParkedEvent, { aggregateId: sick.id }, { orderBy: { aggregateVersion: 'asc' } });
        expect(parked.map((p) => [p.aggregateVersion, p.reason])).toEqual([
          [2, 'failed'],
          [3, 'held'],
          [4, 'held'],
        ]);
      },
      30_000,
      100,
    );
    expect((await em().findOneOrFail(CenterView, { id: sick.id })).applied).toBe(1);

    poison.on = false;
    const report = await replica.consumers.replayParked();
    expect(report).toEqual({ replayed: 3, stillParked: 0 });
    const view = await em().findOneOrFail(CenterView, { id: sick.id });
    expect([view.name, view.status, view.applied]).toEqual([sick.renamedTo, 'revoked', 4]);
    expect(await em().count(ParkedEvent, { aggregateId: sick.id, replayedAt: null })).toBe(0);
    // A second replay finds nothing to do and applies nothing twice.
    expect(await replica.consumers.replayParked()).toEqual({ replayed: 0, stillParked: 0 });
  }, 60_000);
});
