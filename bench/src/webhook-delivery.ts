import 'reflect-metadata';

import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

import { CreateWebhookSubscription } from '@tic/contracts';
import { testRpcClient } from '@tic/platform/testing';
import { freePort, startServiceProcess } from '@tic/testing';

import { EventPathWorld } from './event-path-world';

/**
 * Commit → webhook delivered (CONTRACT.md, Events, way 1): events committed at a steady rate go through
 * the outbox, the relay, JetStream, the notifications service's feed and its dispatcher to SUBSCRIBERS
 * receivers on this machine; the baseline is the same events read straight from JetStream in the same run.
 */
const RATE = Number(process.env.BENCH_RATE ?? 1_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10);
// Each center's events go out one after another (in order per center): a province's worth of centers.
const CENTERS = Number(process.env.BENCH_CENTERS ?? 300);
const DRAIN_TIMEOUT_MS = Number(process.env.BENCH_DRAIN_TIMEOUT_MS ?? 600_000);
const NOTIFICATIONS_MAIN = join(__dirname, '..', '..', 'apps', 'notifications', 'dist', 'main.js');
const AGENCY = {
  userId: 'bench-agency',
  name: '基准测试机构',
  role: 'agency',
  orgId: '0192f6a0-7c1e-7d2a-9b3c-0000000000be',
} as const;

/** Receivers on one port, one path per subscriber; each delivery's first arrival (performance.now()). */
function receivers(arrivals: Map<string, number>[]): Server {
  return createServer((request, response) => {
    const subscriber = Number(/^\/s\/(\d+)$/.exec(request.url ?? '')?.[1]);
    const id = request.headers['webhook-id'];
    request.resume();
    request.on('end', () => {
      const seen = arrivals[subscriber];
      if (seen !== undefined && typeof id === 'string' && !seen.has(id)) seen.set(id, performance.now());
      response.writeHead(204).end();
    });
  });
}

const quantile = (samples: readonly number[], q: number) =>
  samples[Math.max(0, Math.ceil(q * samples.length) - 1)] ?? NaN;
const fmt = (n: number) => n.toLocaleString('en-US');

async function main(): Promise<void> {
  process.stdout.write(
    `webhook delivery: ${fmt(RATE)} events/s of ${fmt(CENTERS)} centers for ${SECONDS} s to ${SUBSCRIBERS} subscribers; ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  const world = await EventPathWorld.start();
  const arrivals = Array.from({ length: SUBSCRIBERS }, () => new Map<string, number>());
  const server = receivers(arrivals);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const receiverPort = typeof address === 'object' && address !== null ? address.port : 0;
  const port = await freePort();
  const notifications = await startServiceProcess(
    'notifications',
    NOTIFICATIONS_MAIN,
    {
      DATABASE_URL: world.db.url,
      NATS_URL: world.nats.url,
      HTTP_PORT: String(port),
      LOG_LEVEL: 'warn',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE_HOSTS: 'true',
    },
    port,
  );
  const rpc = testRpcClient(world.nats);
  try {
    for (let i = 0; i < SUBSCRIBERS; i++) {
      await rpc.request(
        CreateWebhookSubscription,
        { url: `http://127.0.0.1:${receiverPort}/s/${i}`, description: `bench ${i}` },
        { caller: AGENCY },
      );
    }
    const streamArrivals = new Map<string, number>();
    const consumer = await world.consumeNew(streamArrivals);
    const relay = world.relay(100, true);
    await relay.onApplicationBootstrap();
    const total = RATE * SECONDS;
    const documents = world.documents(
      total,
      Array.from({ length: CENTERS }, () => randomUUID()),
    );
    const commits = new Map<string, number>();
    const writes: Promise<void>[] = [];
    const started = performance.now();
    for (let sent = 0; sent < total;) {
      const due = Math.min(total, Math.floor(((performance.now() - started) * RATE) / 1000));
      for (; sent < due; sent++) {
        const document = documents[sent];
        if (document === undefined) break;
        writes.push(
          world.commitOne(document).then(() => {
            commits.set(document.id, performance.now());
            relay.kick();
          }),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all(writes);
    const achievedRate = Math.round((total / (performance.now() - started)) * 1000);
    const deadline = performance.now() + DRAIN_TIMEOUT_MS;
    const delivered = () => arrivals.reduce((sum, seen) => sum + seen.size, 0);
    while (delivered() < total * SUBSCRIBERS && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const lastDelivery = performance.now();
    await consumer.stop();
    await relay.beforeApplicationShutdown();

    const stream = [...commits].map(([id, at]) => (streamArrivals.get(id) ?? NaN) - at).filter(Number.isFinite);
    const hooks = arrivals.flatMap((seen) =>
      [...seen].map(([id, at]) => at - (commits.get(id) ?? NaN)).filter(Number.isFinite),
    );
    stream.sort((a, b) => a - b);
    hooks.sort((a, b) => a - b);
    const rows: [string, string, string, string][] = [
      ['commit → JetStream consumer p50 (baseline)', fmt(stream.length), `${quantile(stream, 0.5).toFixed(1)} ms`, ''],
      ['commit → JetStream consumer p99 (baseline)', fmt(stream.length), `${quantile(stream, 0.99).toFixed(1)} ms`, ''],
      [
        `commit → webhook delivered p50 (${SUBSCRIBERS} subscribers)`,
        fmt(hooks.length),
        `${quantile(hooks, 0.5).toFixed(1)} ms`,
        `${(quantile(hooks, 0.5) / quantile(stream, 0.5)).toFixed(1)}× baseline`,
      ],
      [
        `commit → webhook delivered p99 (${SUBSCRIBERS} subscribers)`,
        fmt(hooks.length),
        `${quantile(hooks, 0.99).toFixed(1)} ms`,
        `${(quantile(hooks, 0.99) / quantile(stream, 0.99)).toFixed(1)}× baseline`,
      ],
      [
        'deliveries per second, first commit to last delivery',
        fmt(hooks.length),
        `${fmt(Math.round((hooks.length / (lastDelivery - started)) * 1000))} /s`,
        `${fmt(achievedRate * SUBSCRIBERS)} /s offered`,
      ],
    ];
    const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c]?.length ?? 0)));
    for (const row of rows) {
      process.stdout.write(
        `${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ')}\n`,
      );
    }
    const missing = total * SUBSCRIBERS - hooks.length;
    if (missing > 0)
      process.stdout.write(`${fmt(missing)} deliveries had not arrived after ${DRAIN_TIMEOUT_MS / 1000} s\n`);
    process.stdout.write(`events committed at ${fmt(achievedRate)}/s\n`);
  } finally {
    await rpc.onApplicationShutdown();
    await notifications.stop();
    server.close();
    await world.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
