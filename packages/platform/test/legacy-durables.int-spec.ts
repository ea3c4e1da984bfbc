import 'reflect-metadata';

import { AckPolicy, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

import { EVENT_STREAM } from '@tic/contracts';
import { createTestDatabase, eventually, startNatsServer, type TestDatabase, type TestNatsServer } from '@tic/testing';

import { ensureEventStream } from '../src';
import { createSchema, startReplica, type Replica } from './center-projection';

describe('durables of the one-per-event-type scheme are deleted at start (private NATS)', () => {
  let db: TestDatabase;
  let nats: TestNatsServer;
  let replica: Replica | undefined;

  const durables = async (): Promise<string[]> => {
    const nc = await connect({ servers: nats.url });
    try {
      const names: string[] = [];
      for await (const consumer of (await jetstreamManager(nc)).consumers.list(EVENT_STREAM)) names.push(consumer.name);
      return names.sort();
    } finally {
      await nc.close();
    }
  };

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('legacy_durables'), startNatsServer()]);
    await createSchema(db.url, 'svc');
  }, 60_000);

  afterAll(async () => {
    await replica?.close();
    await nats?.stop();
    await db?.drop();
  });

  it('deletes this service’s old per-type durables and leaves every other durable alone', async () => {
    const nc = await connect({ servers: nats.url });
    const jsm = await jetstreamManager(nc);
    await ensureEventStream(jsm);
    const add = (name: string, filter: string) =>
      jsm.consumers.add(EVENT_STREAM, { durable_name: name, ack_policy: AckPolicy.Explicit, filter_subject: filter });
    // What the per-type scheme created for `svc`'s subscription `centers` (and one it dropped since).
    await add('svc-centers-center-renamed', 'tic.events.center.renamed');
    await add('svc-centers-center-status_changed', 'tic.events.center.status_changed');
    await add('svc-old-projection-center-revoked', 'tic.events.center.revoked');
    // Another service's old durable, an operator's durable of this service, and names that only look alike.
    await add('other-centers-center-renamed', 'tic.events.center.renamed');
    await add('svc-audit', 'tic.events.center.>');
    await add('svc-center-renamed', 'tic.events.center.renamed');
    await add('svc-tap-center-filed', 'tic.events.center.renamed');
    await nc.close();

    replica = await startReplica(db.url, nats.url);

    await eventually(async () => {
      expect(await durables()).toEqual([
        'other-centers-center-renamed',
        'svc-audit',
        'svc-center-renamed',
        'svc-centers',
        'svc-tap-center-filed',
      ]);
    }, 15_000);
    // Nothing of the old scheme is left for a later start to delete.
    expect(await replica.consumers.retireLegacyDurables()).toEqual([]);
  });
});
