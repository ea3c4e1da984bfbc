import 'reflect-metadata';

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

import { EventPathWorld } from './event-path-world';
import { memory } from './latency';

/**
 * The event path, outbox → relay → JetStream → consumer, against a fresh database and a private
 * nats-server: relay throughput against raw JetStream async publishing of the same messages, commit
 * → consumer latency at a steady rate, and the drain time of a backlog. See README.md.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const RATE = Number(process.env.BENCH_RATE ?? 1_000);
const SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 10);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 100_000);
const PRODUCTION_BATCH = 100; // what PlatformModule gives every service's relay

interface Row {
  readonly measure: string;
  readonly n: number;
  readonly figure: string;
  readonly ratio?: string;
  readonly target?: string;
  readonly met?: boolean;
}

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
const fmt = (n: number) => n.toLocaleString('en-US');

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function relayThroughput(world: EventPathWorld, batchSize: number): Promise<number> {
  await world.writeBacklog(EVENTS);
  const relay = world.relay(batchSize, false);
  const ms = await timed(() => relay.drain());
  if ((await world.unpublished()) !== 0) throw new Error(`relay (batch ${batchSize}) left events unpublished`);
  return perSecond(EVENTS, ms);
}

async function latency(world: EventPathWorld): Promise<{ p50: number; p99: number; n: number; achievedRate: number }> {
  const relay = world.relay(PRODUCTION_BATCH, true);
  await relay.onApplicationBootstrap();
  const arrivals = new Map<string, number>();
  const consumer = await world.consumeNew(arrivals);
  const commits = new Map<string, number>();
  const total = RATE * SECONDS;
  const documents = world.documents(total);
  const writes: Promise<void>[] = [];
  const started = performance.now();
  // Every 10 ms, the writes due by then; each event is its own transaction, as a command's would be.
  for (let sent = 0; sent < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * RATE) / 1000));
    for (; sent < due; sent++) {
      const document = documents[sent];
      if (document === undefined) break;
      // After the commit, the kick RelayKickSubscriber gives the relay when a service's transaction commits.
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
  const achievedRate = perSecond(total, performance.now() - started);
  const deadline = performance.now() + 60_000;
  while ([...commits.keys()].some((id) => !arrivals.has(id)) && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  await consumer.stop();
  await relay.beforeApplicationShutdown();
  const samples = [...commits].map(([id, at]) => (arrivals.get(id) ?? NaN) - at).sort((a, b) => a - b);
  if (samples.some(Number.isNaN)) throw new Error('some committed events never reached the consumer');
  const at = (q: number) => samples[Math.max(0, Math.ceil(q * samples.length) - 1)] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), n: samples.length, achievedRate };
}

function print(rows: readonly Row[]): void {
  const header = ['measure', 'n', 'figure', 'ratio', 'target', 'met'];
  const cells = rows.map((r) => [
    r.measure,
    fmt(r.n),
    r.figure,
    r.ratio ?? '',
    r.target ?? '(information)',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((line) => (line[c] ?? '').length)));
  const line = (values: readonly string[]) =>
    values.map((v, c) => (c === 0 || c === 4 ? v.padEnd(widths[c] ?? 0) : v.padStart(widths[c] ?? 0))).join('  ');
  process.stdout.write(
    `${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${cells.map(line).join('\n')}\n`,
  );
}

async function main(): Promise<void> {
  process.stdout.write(
    `event path: ${fmt(EVENTS)} events a throughput run, ${fmt(RATE)}/s for ${SECONDS} s, a ${fmt(BACKLOG)}-event backlog; ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  const world = await EventPathWorld.start();
  const interrupted = () => {
    void world.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const documents = world.documents(EVENTS);
    const raw = perSecond(EVENTS, await timed(() => world.publishRaw(documents, PRODUCTION_BATCH)));
    const raw1000 = perSecond(EVENTS, await timed(() => world.publishRaw(world.documents(EVENTS), 1000)));
    const relay = await relayThroughput(world, PRODUCTION_BATCH);
    const relay1000 = await relayThroughput(world, 1000);
    const lat = await latency(world);
    await world.writeBacklog(BACKLOG);
    const drainMs = await timed(() => world.relay(PRODUCTION_BATCH, false).drain());
    if ((await world.unpublished()) !== 0) throw new Error('the backlog drain left events unpublished');

    const ratio = (value: number, base: number) => `${(value / base).toFixed(2)}×`;
    print([
      { measure: 'raw JetStream async publish, 100 acks together', n: EVENTS, figure: `${fmt(raw)} ev/s` },
      { measure: 'raw JetStream async publish, 1000 acks together', n: EVENTS, figure: `${fmt(raw1000)} ev/s` },
      {
        measure: 'relay, batch 100 (production)',
        n: EVENTS,
        figure: `${fmt(relay)} ev/s`,
        ratio: ratio(relay, raw),
        target: '≥ 0.5× raw (100)',
        met: relay / raw >= 0.5,
      },
      {
        measure: 'relay, batch 1000',
        n: EVENTS,
        figure: `${fmt(relay1000)} ev/s`,
        ratio: ratio(relay1000, raw1000),
        target: '≥ 0.5× raw (1000)',
        met: relay1000 / raw1000 >= 0.5,
      },
      {
        measure: `commit → consumer p50 at ${fmt(lat.achievedRate)} ev/s`,
        n: lat.n,
        figure: `${lat.p50.toFixed(2)} ms`,
      },
      {
        measure: `commit → consumer p99 at ${fmt(lat.achievedRate)} ev/s`,
        n: lat.n,
        figure: `${lat.p99.toFixed(2)} ms`,
        target: 'p99 < 50 ms',
        met: lat.p99 < 50,
      },
      {
        measure: 'backlog drain, batch 100',
        n: BACKLOG,
        figure: `${(drainMs / 1000).toFixed(1)} s`,
        ratio: `${fmt(perSecond(BACKLOG, drainMs))} ev/s`,
      },
    ]);
    const { rssMiB, peakRssMiB } = memory();
    process.stdout.write(`memory (RSS): ${rssMiB} MiB at the end; peak ${peakRssMiB} MiB\n`);
  } finally {
    await world.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
