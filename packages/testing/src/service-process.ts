import { spawn, type ChildProcess } from 'node:child_process';

import { waitForPort } from './free-port';

export interface ServiceProcess {
  readonly name: string;
  /** Everything the process printed, for the failure message of a test. */
  output(): string;
  /** SIGKILL: no shutdown hook runs, as in a crash. */
  kill(): Promise<void>;
  /** SIGTERM and wait: a graceful stop. */
  stop(): Promise<void>;
}

/**
 * Runs a built service (`node dist/main.js`) as its own process, as `npm start` does, and waits until
 * its HTTP port answers. End-to-end tests crash it and start it again.
 */
export async function startServiceProcess(
  name: string,
  entry: string,
  env: Record<string, string>,
  port: number,
): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(process.execPath, [entry], {
    // Development behaviour unless the test says otherwise (TIC_DEV: '0' runs it as in production).
    env: { ...process.env, TIC_DEV: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  try {
    await Promise.race([
      waitForPort(port, 60_000),
      exited.then(() => {
        throw new Error(`${name} exited during start:\n${output}`);
      }),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(sig);
      await exited;
    }
  };
  return { name, output: () => output, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
