import 'reflect-metadata';

import { Pool } from 'pg';

import { readAllEvents } from '@tic/testing';

import { Chaos } from './chaos';
import { commandFindings, consumerFindings, deadlineFindings, effectFindings, eventFindings } from './checks';
import { EventSubscriber } from './event-subscriber';
import { CommandCounter, runPhase } from './load-phase';
import { converged } from './convergence';
import { LOAD_SERVICES, LoadWorld } from './load-world';
import { printFigures, printFindings, printKills } from './report';
import { setUp, shanghaiToday } from './set-up';
import { shiftDate } from './workload';

const CALM_SECONDS = Number(process.env.BENCH_LOAD_CALM_SECONDS ?? 20);
const CHAOS_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 90);
const COMMAND_CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 6);
const READ_CONNECTIONS = Number(process.env.BENCH_LOAD_READ_CONNECTIONS ?? 4);
const REPLICAS = 2;
// The clock moved at the end: every preparation period (a year from an approval at most 730 days ago) has passed.
const CLOCK_OFFSET_DAYS = 400;

async function main(): Promise<boolean> {
  console.log(
    `starting the gateway and ${REPLICAS} replicas of ${LOAD_SERVICES.join(', ')} on private infrastructure…`,
  );
  const world = await LoadWorld.start(REPLICAS);
  const pool = new Pool({ connectionString: world.db.url, max: 2 });
  // Whatever ends the run, the processes it started go with it (a crash once left them all running).
  const stopAndExit = (code: number) => void world.stop().finally(() => process.exit(code));
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      stopAndExit(130);
    });
  process.once('uncaughtException', (error) => {
    console.error(error);
    stopAndExit(1);
  });
  try {
    const subscriber = await EventSubscriber.start(world.nats);
    const fixtures = await setUp(world);
    const today = shanghaiToday();
    const counter = new CommandCounter();
    const phase = { gatewayUrl: world.gatewayUrl, fixtures, counter, runNumber: Date.now() % 100, today };
    const common = { ...phase, readConnections: READ_CONNECTIONS, commandClients: COMMAND_CLIENTS };
    console.log(`calm phase: ${CALM_SECONDS} s, no kills (the baseline)…`);
    const calm = await runPhase({ ...common, name: 'calm', seconds: CALM_SECONDS });
    console.log(`chaos phase: ${CHAOS_SECONDS} s, one replica of each service SIGKILLed at random moments…`);
    const chaos = new Chaos(world, LOAD_SERVICES);
    chaos.start();
    const loaded = await runPhase({ ...common, name: 'chaos', seconds: CHAOS_SECONDS });
    await chaos.stop();

    const firedUnderLoad = await pool.query<{ count: string }>(
      `select count(*) from applications.deadline where kind = 'D-preparation' and state = 'fired'`,
    );
    console.log(
      `${firedUnderLoad.rows[0]?.count} preparation deadlines fired during the load, by the sweep and BullMQ`,
    );
    console.log(`moving the applications service's clock ${CLOCK_OFFSET_DAYS} days on (each replica restarted)…`);
    world.serviceOverrides.applications = { CLOCK_OFFSET_DAYS: String(CLOCK_OFFSET_DAYS) };
    for (const replica of world.replicasOf('applications')) {
      await replica.stop();
      await replica.start();
    }
    const clockToday = shiftDate(today, CLOCK_OFFSET_DAYS);
    const settled = await converged(pool, subscriber, clockToday, 180_000);
    await subscriber.stop();
    const stream = await readAllEvents(world.nats, 20_000);

    printFigures(calm, loaded);
    printKills(chaos.kills, chaos.failedStarts);
    const outcomes = [...calm.commands, ...loaded.commands];
    const findings = [
      { check: 'journals published, subscriber caught up, deadlines swept', found: settled.detail, ok: settled.ok },
      ...commandFindings(outcomes),
      ...(await effectFindings(pool, outcomes)),
      ...(await eventFindings(pool, stream, subscriber.seen)),
      ...(await consumerFindings(pool, stream)),
      ...(await deadlineFindings(pool, subscriber.seen, clockToday)),
    ];
    const ok = printFindings(findings);
    console.log(ok ? '\nevery check holds' : '\nVIOLATIONS: see ✗ above');
    return ok;
  } finally {
    await pool.end();
    await world.stop();
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
