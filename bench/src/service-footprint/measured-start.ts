import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** A process started by the benchmark: how long it took to be ready, and its memory once idle. */
export interface MeasuredStart {
  readonly name: string;
  readonly readyMs: number;
  readonly child: ChildProcess;
  output(): string;
  /** Resident set size now, in MiB (VmRSS of /proc/<pid>/status). */
  rssMiB(): number;
  stop(): Promise<void>;
}

/**
 * Spawns `node <entry>` (as `npm start` runs each service) and polls `readyUrl` every 20 ms until it
 * answers 200: time to ready is from the spawn to that answer, everything included (Node's start,
 * module loading, Nest's wiring, migrations, connections to Postgres, NATS and Redis).
 */
export async function startMeasured(
  name: string,
  entry: string,
  env: Record<string, string>,
  readyUrl: string,
  timeoutMs = 60_000,
  nodeArgs: readonly string[] = [],
): Promise<MeasuredStart> {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start:\n${output}`);
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`${name} was not ready after ${timeoutMs} ms:\n${output}`);
    }
    const status = await fetch(readyUrl, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const readyMs = performance.now() - started;
  return {
    name,
    readyMs,
    child,
    output: () => output,
    rssMiB: () => {
      const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid ?? 0}/status`, 'utf8'));
      return Number(line?.[1] ?? NaN) / 1024;
    },
    stop,
  };
}
