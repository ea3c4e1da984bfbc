// Runs the gateway as several worker processes behind its one port (node:cluster shares the listening
// socket), for `npm start` with gateway replicas: `node scripts/gateway-cluster.mjs <count>`.
// A worker that dies after it listened is started again; one that never listened (a bad setting) ends
// the whole gateway, rather than restarting in a loop. SIGINT/SIGTERM stops every worker, then the primary.
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';

const count = Number(process.argv[2] ?? 1);
cluster.setupPrimary({ exec: fileURLToPath(new URL('../apps/gateway/dist/main.js', import.meta.url)) });
const listened = new WeakSet();
let stopping = false;
// The first worker that never listened decides the exit code, whichever worker happens to stop last.
let failure = 0;
cluster.on('listening', (worker) => listened.add(worker));
cluster.on('exit', (worker, code, signal) => {
  if (stopping || !listened.has(worker)) {
    if (!listened.has(worker) && failure === 0) failure = code || 1;
    stopping = true;
    for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failure);
    return;
  }
  console.error(`gateway worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
  cluster.fork();
});
for (let i = 0; i < count; i += 1) cluster.fork();
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  });
