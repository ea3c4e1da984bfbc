import 'reflect-metadata';

import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { freePort, waitForPort } from '@tic/testing';

import { BenchPlatform } from './write-path/bench-platform';
import { httpLoad, summarize, type HttpLoad, type LoadSample } from './write-path/load';
import { fixed, loadTable, machine, table, verdict } from './write-path/report';

/**
 * The read path: GET /api/v1/organizations/:id through the gateway (JWT, rate limit in Redis, ETag) →
 * NATS request/reply → the applications service (caller assertion, zod, MikroORM) → Postgres, against a
 * bare Fastify + pg server running the same query and answering the same JSON, both loaded by autocannon
 * at the same number of connections, in alternating stretches. Target: throughput ≥ 0.6× the bare server.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

async function main(): Promise<void> {
  const platform = await BenchPlatform.start('bench_read_path');
  process.once('SIGINT', () => void platform.stop().then(() => process.exit(130)));
  try {
    await platform.startService('applications');
    await platform.startGateway(['applications']);
    const dst = await platform.dstOrganizationId();
    const token = platform.token('dst_admin', dst, 'bench-dst');
    // The seeded units (the province's recommending units), read in turn.
    const ids = (await platform.query<{ id: string }>(`select id from applications.organization order by id`)).map(
      (r) => r.id,
    );
    const barePort = await freePort();
    const bare = spawn(process.execPath, [join(__dirname, 'read-path', 'bare-server.js')], {
      env: { ...process.env, DATABASE_URL: platform.db.url, PORT: String(barePort) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    platform.cleanup.add('stop the bare server', async () => {
      if (bare.exitCode !== null) return;
      const exited = new Promise((resolve) => bare.once('exit', resolve));
      bare.kill('SIGTERM');
      await exited;
    });
    await waitForPort(barePort);

    const counter = { next: 0 };
    const load = (url: string, prefix: string, seconds: number): HttpLoad => ({
      url,
      clients: CLIENTS,
      seconds,
      method: 'GET',
      path: `${prefix}/${ids[0] ?? ''}`,
      pathOf: (i) => `${prefix}/${ids[i % ids.length] ?? ''}`,
      headers: { authorization: `Bearer ${token}` },
      status: 200,
    });
    const service = (seconds: number) =>
      httpLoad(
        'service: HTTP → gateway → NATS → applications → pg',
        load(platform.gatewayUrl, '/api/v1/organizations', seconds),
        counter,
      );
    const baseline = (seconds: number) =>
      httpLoad(
        'bare Fastify + pg (baseline)',
        load(`http://127.0.0.1:${barePort}`, '/organizations', seconds),
        counter,
      );

    process.stdout.write(
      `read path — ${machine()}; ${CLIENTS} connections, ${ROUNDS}×${SECONDS} s a path, ${ids.length} units read in turn\n`,
    );
    await service(2);
    await baseline(2);
    const samples: { service: LoadSample[]; bare: LoadSample[] } = { service: [], bare: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      samples.service.push(await service(SECONDS));
      samples.bare.push(await baseline(SECONDS));
    }
    const svc = summarize(samples.service);
    const base = summarize(samples.bare);
    const ratio = svc.perSecond / base.perSecond;
    process.stdout.write(`\n${loadTable([svc, base])}\n\n`);
    process.stdout.write(
      `${table(['target', 'figure', 'verdict'], [['throughput ≥ 0.6× bare Fastify + pg', `${fixed(ratio)}×`, verdict(ratio >= 0.6)]])}\n`,
    );
    process.stdout.write(`machine at the end: ${machine()}\n`);
    for (const s of [svc, base])
      if (s.firstFailure) process.stdout.write(`${s.label}: first failure ${s.firstFailure}\n`);
    if (svc.failures + base.failures > 0) process.exitCode = 1;
  } finally {
    await platform.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
