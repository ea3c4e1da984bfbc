import { join } from 'node:path';
import { Client } from 'pg';
import { v4 as uuidv4 } from 'uuid';

import { CreateWebhookSubscription, type TicEvent } from '@tic/contracts';
import type { RpcClient } from '@tic/platform';
import { testRpcClient } from '@tic/platform/testing';
import {
  createTestDatabase,
  eventually,
  freePort,
  type PlatformNatsUser,
  publishEvents,
  type ServiceProcess,
  startNatsServer,
  startServiceProcess,
  type TestDatabase,
  type TestNatsServer,
} from '@tic/testing';

import { CALLERS, centerEstablished, sampleEvent } from './harness';
import { WebhookReceiver } from './webhook-receiver';

const MAIN = join(__dirname, '..', 'dist', 'main.js');

/**
 * The service as a process of its own, killed (SIGKILL) while deliveries are in flight and started again:
 * at least once means every event reaches the receiver, in order per center, duplicates aside.
 */
describe('webhook deliveries across a crash of the notifications service', () => {
  let db: TestDatabase;
  let nats: TestNatsServer;
  let rpc: RpcClient;
  let service: ServiceProcess | undefined;
  const receiver = new WebhookReceiver();

  const start = async (): Promise<ServiceProcess> => {
    const port = await freePort();
    return startServiceProcess(
      'notifications',
      MAIN,
      {
        DATABASE_URL: db.url,
        ...nats.userEnv('notifications'),
        HTTP_PORT: String(port),
        LOG_LEVEL: 'warn',
        TIC_DEV: '1',
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_ALLOW_PRIVATE_HOSTS: 'true',
        WEBHOOK_TIMEOUT_MS: '1000',
        WEBHOOK_RETRY_BASE_MS: '50',
        WEBHOOK_RETRY_MAX_MS: '200',
        WEBHOOK_POLL_MS: '50',
        WEBHOOK_LEASE_MS: '1500',
      },
      port,
    );
  };

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('webhook_crash'), startNatsServer({ platformUsers: true })]);
    service = await start();
    rpc = testRpcClient(nats, { timeoutMs: 10_000 });
  }, 90_000);

  afterAll(async () => {
    await rpc.onApplicationShutdown();
    await service?.kill();
    await receiver.stop();
    await nats.stop();
    await db.drop();
  });

  it('delivers every event at least once and in order per center after a SIGKILL mid-delivery', async () => {
    const url = await receiver.start();
    receiver.delayMs = 40;
    const subscription = await rpc.request(CreateWebhookSubscription, { url }, { caller: CALLERS.agency });
    receiver.secrets = [subscription.secret];
    const centers = [uuidv4(), uuidv4(), uuidv4()];
    const byCenter = new Map<string, TicEvent[]>(
      centers.map((center) => [
        center,
        [
          centerEstablished(center),
          ...Array.from({ length: 11 }, (_, index) =>
            sampleEvent('tic.center.renamed', center, { centerId: center }, index + 2),
          ),
        ],
      ]),
    );
    const all = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].flatMap((index) =>
      centers.map((center) => byCenter.get(center)?.[index] as TicEvent),
    );
    for (const event of all) await eventually(() => publishEvents(nats, [event], producerOf(event)), 15_000, 100);

    await eventually(
      () => {
        expect(receiver.accepted.length).toBeGreaterThanOrEqual(6);
      },
      30_000,
      20,
    );
    await service?.kill();
    const beforeCrash = receiver.accepted.length;
    expect(beforeCrash).toBeLessThan(all.length);
    await someStillOwed(db.url);
    service = await start();

    await eventually(
      () => {
        expect(new Set(receiver.ids())).toEqual(new Set(all.map((event) => event.id)));
      },
      60_000,
      100,
    );
    for (const center of centers) {
      const firstSeen = [...new Set(receiver.accepted.filter((d) => d.subject === center).map((d) => d.webhookId))];
      expect(firstSeen).toEqual(byCenter.get(center)?.map((event) => event.id));
    }
    expect(receiver.forged).toBe(0);
  }, 150_000);
});

function producerOf(event: TicEvent): PlatformNatsUser {
  return event.source.replace('/tic/', '') as PlatformNatsUser;
}

/** The kill came mid-delivery: deliveries are still owed (and those the process held stay leased until their lease runs out). */
async function someStillOwed(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from notifications.webhook_delivery where status = 'pending'",
    );
    expect(rows[0]?.n).toBeGreaterThan(0);
  } finally {
    await client.end();
  }
}
