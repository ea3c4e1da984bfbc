import 'reflect-metadata';

import { randomBytes } from 'node:crypto';

import { BenchPlatform } from './write-path/bench-platform';
import { closedLoop, httpLoad, summarize, type LoadSample } from './write-path/load';
import { RawRegistration, unitBody } from './write-path/raw-registration';
import { fixed, loadTable, machine, table, verdict } from './write-path/report';

/**
 * The write path: POST /api/v1/organizations (DST registers a unit, with an Idempotency-Key) through the
 * gateway (JWT, rate limit, Idempotency-Key in Redis) → NATS request/reply → the applications service
 * (caller assertion, zod, MikroORM unit of work: key claimed, unit inserted, outbox row, answer stored)
 * → Postgres, against the same rows written by plain pg transactions, at the same number of clients,
 * in alternating stretches of the same run. Targets: throughput ≥ 0.5× the baseline, p99 < 25 ms.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

async function main(): Promise<void> {
  const run = randomBytes(3).toString('hex');
  const platform = await BenchPlatform.start('bench_write_path');
  process.once('SIGINT', () => void platform.stop().then(() => process.exit(130)));
  try {
    await platform.startService('applications');
    await platform.startGateway(['applications']);
    const dst = await platform.dstOrganizationId();
    const token = platform.token('dst_admin', dst, 'bench-dst');
    const raw = new RawRegistration(platform.db.url, CLIENTS, run);
    const counter = { next: 0 };
    const service = (seconds: number) =>
      httpLoad(
        'service: HTTP → gateway → NATS → applications → pg',
        {
          url: platform.gatewayUrl,
          clients: CLIENTS,
          seconds,
          method: 'POST',
          path: '/api/v1/organizations',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: (i) => ({
            body: JSON.stringify(unitBody(i, run)),
            headers: { 'idempotency-key': `svc-${run}-${i}` },
          }),
          status: 201,
        },
        counter,
      );
    const baseline = (seconds: number) =>
      closedLoop('raw pg transaction (baseline)', CLIENTS, seconds, (i) => raw.register(i, 'bench-dst'), counter);

    process.stdout.write(`write path — ${machine()}; ${CLIENTS} clients, ${ROUNDS}×${SECONDS} s a path\n`);
    await service(2);
    await baseline(2);
    const samples: { service: LoadSample[]; raw: LoadSample[] } = { service: [], raw: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      samples.service.push(await service(SECONDS));
      samples.raw.push(await baseline(SECONDS));
    }
    await raw.close();
    const svc = summarize(samples.service);
    const base = summarize(samples.raw);
    process.stdout.write(`\n${loadTable([svc, base])}\n\n`);
    const ratio = svc.perSecond / base.perSecond;
    process.stdout.write(
      `${table(
        ['target', 'figure', 'verdict'],
        [
          ['throughput ≥ 0.5× raw pg', `${fixed(ratio)}×`, verdict(ratio >= 0.5)],
          ['service p99 < 25 ms', `${fixed(svc.p99)} ms`, verdict(svc.p99 < 25)],
        ],
      )}\n`,
    );
    const [counted] = await platform.query<{ units: string }>(
      `select count(*) as units from applications.organization where name like $1`,
      [`基准测试单位${run}-%`],
    );
    process.stdout.write(
      `\nunits in the table: ${counted?.units ?? '?'} (the warm-up's included); calls answered in the measured stretches: ${svc.calls + base.calls}\n`,
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
