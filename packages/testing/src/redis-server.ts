import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, waitForPort } from './free-port';

const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? 'redis-server';

export interface TestRedisServer {
  readonly url: string;
  readonly port: number;
  /** Whether the server runs now. */
  readonly running: boolean;
  /** Stops the server; it keeps nothing on disk, so every key is gone, as after a Redis restart in production. */
  stop(): Promise<void>;
  /** Starts it again, empty, on the same port: clients that retry find it at the same URL. */
  start(): Promise<void>;
  /** Stops it for good and deletes its directory. */
  close(): Promise<void>;
}

/**
 * A private redis-server for a fault test, on its own port and directory, without persistence
 * (`--save "" --appendonly no`, like the deployment's Redis), that the test can stop and start
 * again. Never the shared Redis on 6379. Pass `{ running: false }` to hold a port for a Redis that
 * is down when the service starts. With `password`, it requires it (`--requirepass`), as the
 * deployment's Redis does, and `url` carries it.
 */
export async function startRedisServer(
  options: { running?: boolean; password?: string } = {},
): Promise<TestRedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tic-redis-'));
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    if (child) return;
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--loglevel',
      'warning',
      ...(options.password === undefined ? [] : ['--requirepass', options.password]),
    ];
    const started = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
    child = started;
    started.once('exit', () => {
      if (child === started) child = undefined;
    });
    await waitForPort(port);
  };

  const stop = async (): Promise<void> => {
    const running = child;
    if (!running) return;
    child = undefined;
    if (running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      // SIGKILL: no goodbye to the clients, as when the host or the container dies.
      running.kill('SIGKILL');
      await exited;
    }
  };

  if (options.running ?? true) await start();
  return {
    url:
      options.password === undefined
        ? `redis://127.0.0.1:${port}`
        : `redis://:${encodeURIComponent(options.password)}@127.0.0.1:${port}`,
    port,
    get running() {
      return child !== undefined;
    },
    stop,
    start,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
