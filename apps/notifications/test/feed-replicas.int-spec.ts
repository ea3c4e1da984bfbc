import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';

import type { TicEvent } from '@tic/contracts';
import { freePort, readAllEvents, type ServiceProcess, startServiceProcess } from '@tic/testing';

import { centerEstablished, runningNotifications, sampleEvent } from './harness';

const service = runningNotifications('feed_replicas', { FEED_BATCH_SIZE: '20', FEED_ACK_WAIT_MS: '3000' });
const MAIN = join(__dirname, '..', 'dist', 'main.js');

/** Another replica of the service as its own process, on the same database and NATS. */
async function replica(): Promise<ServiceProcess> {
  const port = await freePort();
  return startServiceProcess(
    'notifications-replica',
    MAIN,
    {
      DATABASE_URL: service.db.url,
      ...service.nats.userEnv('notifications'),
      HTTP_PORT: String(port),
      FEED_BATCH_SIZE: '20',
      FEED_ACK_WAIT_MS: '3000',
      LOG_LEVEL: 'warn',
    },
    port,
  );
}

describe('the feed with several replicas and a crash (at least once in, exactly once recorded, in stream order)', () => {
  it('records every event once, in the order the stream holds them, while a replica is killed mid-way', async () => {
    const second = await replica();
    const centers = Array.from({ length: 10 }, () => uuidv4());
    const events: TicEvent[] = centers.map((centerId) => centerEstablished(centerId));
    for (let version = 2; version <= 41; version++) {
      for (const centerId of centers) events.push(sampleEvent('tic.center.renamed', centerId, { centerId }, version));
    }
    const half = Math.floor(events.length / 2);
    await service.publish(events.slice(0, half));
    await second.kill();
    await service.publish(events.slice(half));
    // The batch the killed replica held comes back after the acknowledgement wait.
    await service.recorded(
      events.map((event) => event.id),
      180_000,
    );

    const streamOrder = (await readAllEvents(service.nats)).map((event) => event.id);
    const rows = await service.sql('select event_id from notifications.feed_event order by position');
    expect(rows.map((row) => row.event_id)).toEqual(streamOrder);
    expect(new Set(streamOrder).size).toBe(events.length);
    // A loaded machine (CI runs every workspace's suites at once) starts the replica and drains slowly.
  }, 300_000);
});
