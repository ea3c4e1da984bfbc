import { type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { EventConsumers } from './event-consumer';

/** Set by the command so that the service's consumers do not start consuming while it replays. */
export const REPLAY_ONLY_ENV = 'TIC_EVENTS_REPLAY_ONLY';

/**
 * A service's `events:replay-parked [--consumer <name>] [--id <id>]…` command: builds the service
 * (its handlers with their real dependencies), replays its parked events and prints what is left.
 */
export async function runReplayParkedCli(
  module: Type | DynamicModule,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  process.env[REPLAY_ONLY_ENV] = 'true';
  const consumer = valuesOf(argv, '--consumer')[0];
  const ids = valuesOf(argv, '--id');
  // Nest declares its options as a class; a literal of that shape is what its documentation passes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.createApplicationContext(module, { logger: ['error', 'warn'] });
  try {
    const report = await app
      .get(EventConsumers)
      .replayParked({ ...(consumer ? { consumer } : {}), ...(ids.length > 0 ? { ids } : {}) });
    process.stdout.write(`replayed ${report.replayed}, still parked ${report.stillParked}\n`);
    if (report.stillParked > 0) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

function valuesOf(argv: readonly string[], flag: string): string[] {
  return argv.flatMap((arg, i) => (arg === flag && argv[i + 1] !== undefined ? [argv[i + 1] as string] : []));
}
