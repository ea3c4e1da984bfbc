import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, waitForPort } from './free-port';

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

export interface RestartableNatsServer {
  readonly url: string;
  /** Stops the server (SIGTERM), keeping its JetStream store. */
  stop(): Promise<void>;
  /** Starts it again on the same port and store, as after a restart or a crash. */
  start(): Promise<void>;
  /** Stops it and deletes the store. */
  destroy(): Promise<void>;
}

/** A private nats-server with JetStream that a fault test can stop and start with the same store. */
export async function startRestartableNatsServer(): Promise<RestartableNatsServer> {
  if (!existsSync(NATS_SERVER)) throw new Error(`nats-server not found at ${NATS_SERVER} (set NATS_SERVER_BIN)`);
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'tic-nats-'));
  let child: ChildProcess | undefined;
  const killOnExit = (): void => {
    child?.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const start = async (): Promise<void> => {
    child = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
    await waitForPort(port);
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    start,
    stop,
    destroy: async () => {
      await stop();
      process.removeListener('exit', killOnExit);
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
