import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, waitForPort } from '@tic/testing';

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

export interface TestNatsCluster {
  /** Every node's client URL, for a client that fails over between them. */
  readonly servers: string[];
  stop(): Promise<void>;
}

/**
 * Three clustered nats-servers with JetStream on loopback, as the NATS chart runs them in a deployment:
 * each its own store and server name, routes to the other two.
 */
export async function startNatsCluster(size = 3): Promise<TestNatsCluster> {
  const home = mkdtempSync(join(tmpdir(), 'tic-nats-cluster-'));
  const clientPorts = await Promise.all(Array.from({ length: size }, () => freePort()));
  const routePorts = await Promise.all(Array.from({ length: size }, () => freePort()));
  const children: ChildProcess[] = clientPorts.map((port, node) => {
    const routes = routePorts.filter((_, other) => other !== node).map((p) => `"nats-route://127.0.0.1:${p}"`);
    const configFile = join(home, `node-${node}.conf`);
    writeFileSync(
      configFile,
      [
        `server_name: tic-node-${node}`,
        `listen: "127.0.0.1:${port}"`,
        `jetstream { store_dir: ${JSON.stringify(join(home, `store-${node}`))} }`,
        `cluster { name: tic, listen: "127.0.0.1:${routePorts[node] ?? 0}", routes: [${routes.join(', ')}] }`,
      ].join('\n'),
    );
    return spawn(NATS_SERVER, ['-c', configFile], { stdio: 'ignore' });
  });
  await Promise.all(clientPorts.map((port) => waitForPort(port)));
  return {
    servers: clientPorts.map((port) => `nats://127.0.0.1:${port}`),
    stop: async () => {
      await Promise.all(
        children.map(async (child) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        }),
      );
      rmSync(home, { recursive: true, force: true });
    },
  };
}
