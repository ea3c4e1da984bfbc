import 'reflect-metadata';

import { join } from 'node:path';

import { freePort } from '@tic/testing';

import { startMeasured, type MeasuredStart } from './service-footprint/measured-start';
import { BenchPlatform, SERVICE_NAMES, serviceMain } from './write-path/bench-platform';
import { fixed, machine, table, verdict } from './write-path/report';

/**
 * Every service's idle memory (RSS once started and settled, target < 150 MB) and time to ready (spawn →
 * readiness 200, target < 3 s): each service in turn, alone, as `npm start` runs it (applications first:
 * it creates the event stream), then the gateway, whose /health/ready needs them all. Twice: the first
 * start migrates each schema on a fresh database; the second is a restart on the migrated one.
 */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 5_000);
const MB = 1_000_000 / 2 ** 20; // 150 MB = 143 MiB

interface Figure {
  readonly name: string;
  readonly firstMs: number;
  readonly restartMs: number;
  readonly rssMiB: number;
}

async function startAll(platform: BenchPlatform): Promise<MeasuredStart[]> {
  const started: MeasuredStart[] = [];
  try {
    // The baseline: a bare Fastify + pg server, ready once its pool answers; what the machine's load
    // alone makes of a Node start in this run.
    const barePort = await freePort();
    started.push(
      await startMeasured(
        'bare Fastify + pg (baseline)',
        join(__dirname, 'read-path', 'bare-server.js'),
        { DATABASE_URL: platform.db.url, PORT: String(barePort) },
        `http://127.0.0.1:${barePort}/health`,
      ),
    );
    for (const service of SERVICE_NAMES) {
      const port = await freePort();
      started.push(
        await startMeasured(
          service,
          serviceMain(service),
          { TIC_DEV: '1', ...platform.serviceEnv(service, port) },
          `http://127.0.0.1:${port}/health`,
        ),
      );
    }
    const port = await freePort();
    started.push(
      await startMeasured(
        'gateway',
        serviceMain('gateway'),
        // The gateway tells its readiness checks only to operators; the status code is enough here.
        platform.gatewayEnv(port, SERVICE_NAMES),
        `http://127.0.0.1:${port}/health/ready`,
      ),
    );
    return started;
  } catch (error) {
    for (const s of started.reverse()) await s.stop();
    throw error;
  }
}

async function main(): Promise<void> {
  const platform = await BenchPlatform.start('bench_footprint');
  try {
    process.stdout.write(`service footprint — ${machine()}; settle ${SETTLE_MS} ms\n`);
    const first = await startAll(platform);
    for (const s of [...first].reverse()) await s.stop();
    const second = await startAll(platform);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const figures: Figure[] = second.map((s, index) => ({
      name: s.name,
      firstMs: first[index]?.readyMs ?? NaN,
      restartMs: s.readyMs,
      rssMiB: s.rssMiB(),
    }));
    for (const s of second.reverse()) await s.stop();
    process.stdout.write(
      `\n${table(
        [
          'process',
          'ready, first start ms',
          'ready, restart ms',
          '× baseline',
          'idle RSS MB',
          'ready < 3 s',
          'RSS < 150 MB',
        ],
        figures.map((f, index) => [
          f.name,
          fixed(f.firstMs, 0),
          fixed(f.restartMs, 0),
          index === 0 ? '' : `${fixed(f.restartMs / (figures[0]?.restartMs ?? NaN), 1)}×`,
          fixed(f.rssMiB / MB, 0),
          index === 0 ? '' : verdict(Math.max(f.firstMs, f.restartMs) < 3_000),
          index === 0 ? '' : verdict(f.rssMiB / MB < 150),
        ]),
      )}\n`,
    );
    process.stdout.write(`machine at the end: ${machine()}\n`);
  } finally {
    await platform.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
