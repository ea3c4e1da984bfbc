import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, waitForPort } from './free-port';
import { PLATFORM_NATS_USERS, platformUsersFile, type NatsUserEnv, type PlatformNatsUser } from './nats-users';

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

export interface NatsServerOptions {
  /** The largest message the server accepts (its `max_payload`); the server's default is 1 MiB. */
  readonly maxPayload?: number;
  /**
   * Starts the server with the platform's users and permissions (`infra/nats/users.conf`), each with a
   * random password; `userEnv(user)` gives a process the settings to connect as one of them.
   */
  readonly platformUsers?: boolean;
}

export interface TestNatsServer {
  readonly url: string;
  readonly port: number;
  /** The JetStream store directory, kept across `restart()` and `kill()`. */
  readonly storeDir: string;
  /** With `platformUsers`: NATS_URL, NATS_USER and NATS_PASSWORD of one user (else NATS_URL alone). */
  userEnv(user: PlatformNatsUser): NatsUserEnv;
  /** With `platformUsers`: the users.conf the server reads (a copy of infra/nats/users.conf), to render agencies into. */
  readonly usersFile: string | undefined;
  /** Asks the server to read its configuration again (SIGHUP), as an operator does after rendering users. */
  reload(): void;
  /** Stops the server and deletes its JetStream store. */
  stop(): Promise<void>;
  /** Stops the server gracefully (SIGTERM: it flushes its store) and leaves the store in place. */
  halt(): Promise<void>;
  /** SIGKILL, as a host crash would end it; the store stays as the process left it. */
  kill(): Promise<void>;
  /** SIGSTOP: the server keeps its connections but answers nothing, like a frozen host; `resume()` undoes it. */
  pause(): void;
  resume(): void;
  /** Starts the server again on the same port and store (after `halt()` or `kill()`). */
  start(): Promise<void>;
  /** Copies the (halted) store aside, to restore later what a crash would have left on disk. */
  snapshot(): string;
  /** Replaces the store with a snapshot (server halted or killed), or empties it without one. */
  resetStore(snapshot?: string): void;
}

/**
 * A private nats-server with JetStream for one test file, on its own port and store: the services
 * under test then own `tic.rpc.>` and the TIC_EVENTS stream, whatever else runs on the machine.
 * Fault tests stop, kill and restart it on the same port, and take or lose its store.
 */
export async function startNatsServer(options: NatsServerOptions = {}): Promise<TestNatsServer> {
  if (!existsSync(NATS_SERVER)) throw new Error(`nats-server not found at ${NATS_SERVER} (set NATS_SERVER_BIN)`);
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'tic-nats-'));
  const storeDir = join(home, 'store');
  const configFile = join(home, 'nats.conf');
  const lines = [`listen: "127.0.0.1:${port}"`, `jetstream { store_dir: ${JSON.stringify(storeDir)} }`];
  if (options.maxPayload !== undefined) lines.push(`max_payload: ${options.maxPayload}`);
  // nats-server resolves an include relative to the including file, so the users sit next to it.
  const passwords = new Map<PlatformNatsUser, string>();
  const usersFile = options.platformUsers === true ? join(home, 'users.conf') : undefined;
  if (usersFile !== undefined) {
    copyFileSync(platformUsersFile(), usersFile);
    lines.push('include ./users.conf');
    for (const user of PLATFORM_NATS_USERS) passwords.set(user, `pw-${randomBytes(12).toString('hex')}`);
  }
  const serverEnv = Object.fromEntries(
    [...passwords].map(([user, password]) => [`NATS_${user.toUpperCase()}_PASSWORD`, password]),
  );
  writeFileSync(configFile, `${lines.join('\n')}\n`);
  let child: ChildProcess | undefined;
  let snapshots = 0;

  const start = async () => {
    if (child) throw new Error('nats-server is already running');
    child = spawn(NATS_SERVER, ['-c', configFile], { stdio: 'ignore', env: { ...process.env, ...serverEnv } });
    await waitForPort(port);
  };
  const end = async (signal: NodeJS.Signals) => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    await exited;
  };

  await start();
  const url = `nats://127.0.0.1:${port}`;
  return {
    url,
    port,
    storeDir,
    userEnv: (user): NatsUserEnv => {
      const password = passwords.get(user);
      return password === undefined ? { NATS_URL: url } : { NATS_URL: url, NATS_USER: user, NATS_PASSWORD: password };
    },
    usersFile,
    reload: () => {
      if (!child) throw new Error('nats-server is not running');
      child.kill('SIGHUP');
    },
    stop: async () => {
      child?.kill('SIGCONT');
      await end('SIGTERM');
      rmSync(home, { recursive: true, force: true });
    },
    halt: () => end('SIGTERM'),
    kill: async () => {
      child?.kill('SIGCONT');
      await end('SIGKILL');
    },
    pause: () => {
      child?.kill('SIGSTOP');
    },
    resume: () => {
      child?.kill('SIGCONT');
    },
    start,
    snapshot: () => {
      if (child) throw new Error('halt the server before taking a snapshot of its store');
      const target = join(home, `snapshot-${++snapshots}`);
      cpSync(storeDir, target, { recursive: true });
      return target;
    },
    resetStore: (snapshot) => {
      if (child) throw new Error('halt or kill the server before replacing its store');
      rmSync(storeDir, { recursive: true, force: true });
      if (snapshot !== undefined) cpSync(snapshot, storeDir, { recursive: true });
    },
  };
}
