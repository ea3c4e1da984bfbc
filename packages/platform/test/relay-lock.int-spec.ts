import 'reflect-metadata';

import type { MikroORM } from '@mikro-orm/postgresql';

import { eventually, startNatsServer, type TestNatsServer } from '@tic/testing';

import { NatsConnectionService, OutboxRelay, openOrm } from '../src';
import { FrozenProxy } from './support/frozen-proxy';
import { RelayHarness } from './support/relay-harness';

describe('a relay instance whose database connection stops answering mid-pass', () => {
  let h: RelayHarness;
  let proxy: FrozenProxy;
  let stuckNats: TestNatsServer;
  let stuckOrm: MikroORM;
  let stuckConnection: NatsConnectionService;
  let stuck: OutboxRelay;

  beforeAll(async () => {
    h = await RelayHarness.start('relay_lock', { enabled: false });
    [proxy, stuckNats] = await Promise.all([
      FrozenProxy.start(Number(new URL(h.db.url).port || 5432)),
      startNatsServer(),
    ]);
    const viaProxy = new URL(h.db.url);
    viaProxy.port = String(proxy.port);
    stuckOrm = await openOrm({
      databaseUrl: viaProxy.toString(),
      schema: 'funding',
      entities: [],
      migrationsPath: __dirname,
    });
    stuckConnection = new NatsConnectionService(stuckNats.url, 'stuck-relay');
    // Acks it would wait a minute for; Postgres ends its transaction after 1.5 s idle.
    stuck = new OutboxRelay(stuckOrm, stuckConnection, {
      schema: 'funding',
      pollIntervalMs: 100,
      batchSize: 100,
      enabled: true,
      ackTimeoutMs: 60_000,
      transactionTimeoutMs: 1_500,
    });
    await stuck.onApplicationBootstrap();
  }, 60_000);

  afterAll(async () => {
    stuckNats?.resume();
    await proxy?.close();
    await Promise.race([
      stuck?.beforeApplicationShutdown(),
      new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
    ]);
    await stuckConnection?.onApplicationShutdown().catch(() => undefined);
    await stuckOrm?.close(true).catch(() => undefined);
    await stuckNats?.stop();
    await h?.close();
  });

  it('does not keep the relay lock from another instance for longer than the transaction timeout', async () => {
    // The first instance takes the lock and waits for acks that never come (its NATS is frozen)...
    stuckNats.pause();
    const ids = await h.write([{}, {}, {}]);
    await eventually(async () => {
      const [row] = await h.orm.em
        .fork()
        .getConnection()
        .execute<{ held: string }[]>(
          // pg_locks is cluster-wide: other suites' relays and sealers hold their own locks in their databases.
          `select count(*)::text as held from pg_locks
            where locktype = 'advisory' and granted
              and database = (select oid from pg_database where datname = current_database())`,
        );
      expect(row?.held).toBe('1');
    });
    // ...and then its host stops answering: its commit or rollback will never reach Postgres.
    proxy.freeze();

    // Another instance, healthy, publishes the rows once Postgres has ended the stuck transaction.
    await eventually(
      async () => {
        await h.relay.drain();
        const rows = await Promise.all(ids.map((id) => h.row(id)));
        expect(rows.every((row) => row.publishedAt instanceof Date)).toBe(true);
      },
      20_000,
      200,
    );
    const stream = await h.streamCounts();
    expect(ids.map((id) => stream.get(id))).toEqual([1, 1, 1]);
  });
});
