import autocannon from 'autocannon';

import { sendCommand, type CommandOutcome } from './command-client';
import { commandAt, readPaths, type Fixtures } from './workload';

/** What one phase of the run measured: autocannon's reads and the command clients' outcomes. */
export interface PhaseResult {
  readonly name: string;
  readonly seconds: number;
  readonly reads: autocannon.Result;
  readonly commands: CommandOutcome[];
}

/** Numbers the commands of the run, across phases, so that every command has its own key and mark. */
export class CommandCounter {
  private next = 0;
  take(): number {
    return this.next++;
  }
}

/**
 * Runs the mixed workload for `seconds`: autocannon cycling through the reads on `readConnections`
 * connections, and `commandClients` clients each sending one command after another (each retried with
 * its key until answered). Commands still being retried when the time is up are awaited.
 */
export async function runPhase(options: {
  readonly name: string;
  readonly gatewayUrl: string;
  readonly fixtures: Fixtures;
  readonly seconds: number;
  readonly readConnections: number;
  readonly commandClients: number;
  readonly counter: CommandCounter;
  readonly runNumber: number;
  readonly today: string;
}): Promise<PhaseResult> {
  const until = Date.now() + options.seconds * 1000;
  const commands: CommandOutcome[] = [];
  const client = async () => {
    while (Date.now() < until) {
      const command = commandAt(options.counter.take(), options.fixtures, options.runNumber, options.today);
      commands.push(await sendCommand(options.gatewayUrl, command));
    }
  };
  const reads = autocannon({
    url: options.gatewayUrl,
    connections: options.readConnections,
    duration: options.seconds,
    timeout: 20,
    requests: readPaths(options.fixtures).map(({ path, token }) => ({
      method: 'GET' as const,
      path: `/api/v1${path}`,
      headers: { authorization: `Bearer ${token}` },
    })),
  });
  const [readResult] = await Promise.all([
    reads,
    Promise.all(Array.from({ length: options.commandClients }, () => client())),
  ]);
  return { name: options.name, seconds: options.seconds, reads: readResult, commands };
}

/** The p-th percentile (0–100) of some values, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
