// `npm start`: brings up local PostgreSQL, Redis and NATS where they are not running, builds every
// workspace, and runs every service that exists in the foreground until Ctrl-C.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { parseReplicas, replicaPort, replicasSpec } from './replicas.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// `npm start` is local development: it asks for development keys (TIC_DEV=1); without it a service
// runs as in production and refuses them.
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TIC_DEV: process.env.TIC_DEV ?? '1' };
// The demo's agency receives its webhooks on this machine over http; a production run refuses both.
if (['1', 'true'].includes(env.TIC_DEV)) {
  env.WEBHOOK_ALLOW_HTTP ??= 'true';
  env.WEBHOOK_ALLOW_PRIVATE_HOSTS ??= 'true';
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Each service's default HTTP_PORT (apps/*/src/config.ts); the gateway's is PORT.
const SERVICE_HTTP_PORTS = {
  applications: 3101,
  personnel: 3102,
  evaluations: 3103,
  funding: 3104,
  notifications: 3105,
};
const appsDir = join(root, 'apps');
const services = readdirSync(appsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(appsDir, entry.name, 'package.json')))
  .map((entry) => JSON.parse(readFileSync(join(appsDir, entry.name, 'package.json'), 'utf8')))
  .filter((pkg) => pkg.scripts?.start);

// Each replica is its own process (`node dist/main.js`, the app's start script), its lines prefixed with
// service#n; a service's replicas share its queue group, durable consumers and relay lock, and replica n
// serves health and metrics on the service's port + 100·(n − 1). The gateway's replicas share its one
// port through node:cluster (scripts/gateway-cluster.mjs).
const replicas = parseReplicas(
  replicasSpec(process.argv.slice(2), process.env),
  services.map((pkg) => pkg.name.replace(/^@tic\//, '')),
);
if (process.env.TIC_LOCAL_SERVICES !== 'external') run('bash', ['infra/local/ensure-services.sh']);
// The platform runs on a nats-server with infra/nats/users.conf (each service and the gateway as its own
// user, development passwords) unless TIC_NATS_USERS=0 keeps it on NATS_URL as it is.
if (process.env.TIC_NATS_USERS !== '0' && process.env.NATS_URL === undefined) {
  run('bash', ['infra/local/platform-nats.sh']);
  env.NATS_URL = `nats://127.0.0.1:${process.env.TIC_NATS_PORT ?? 4223}`;
}
run('npm', ['run', 'build']);
// Schema first, then Liaoning's recommending units and (unless TIC_DEMO_DATA=false) the demo data set.
for (const service of ['applications', 'personnel', 'evaluations', 'funding', 'notifications'])
  run('npm', ['run', 'db:migrate', '-w', `@tic/${service}`]);
run('npm', [
  'run',
  'seed',
  '-w',
  '@tic/applications',
  '--',
  ...(process.env.TIC_DEMO_DATA === 'false' ? [] : ['--demo']),
]);

// A local mail catcher (maildev) receives the notifications service's emails, to read in the browser;
// SMTP_URL set (a real relay) or TIC_MAILDEV=0 leaves it out. Both ports stay on this machine.
const mailCatcher =
  process.env.SMTP_URL === undefined && process.env.TIC_MAILDEV !== '0'
    ? spawn(
        process.execPath,
        [
          join(root, 'node_modules/maildev/dist/bin/maildev.js'),
          ...['--smtp', '1025', '--ip', '127.0.0.1', '--web', '1080', '--web-ip', '127.0.0.1'],
        ],
        { cwd: root, env, stdio: 'inherit' },
      )
    : undefined;
if (mailCatcher !== undefined) {
  env.SMTP_URL = 'smtp://127.0.0.1:1025';
  console.log('emails go to the mail catcher: open http://127.0.0.1:1080');
}

console.log(
  `starting ${services.map((pkg) => `${pkg.name} ×${replicas[pkg.name.replace(/^@tic\//, '')]}`).join(', ')}; the gateway listens on port ${process.env.PORT ?? 3000}`,
);
const children = services.flatMap((pkg) => {
  const name = pkg.name.replace(/^@tic\//, '');
  const cwd = join(appsDir, name);
  if (name === 'gateway' && replicas.gateway > 1)
    return [
      launch(
        'gateway',
        [process.execPath, join(root, 'scripts/gateway-cluster.mjs'), String(replicas.gateway)],
        cwd,
        env,
      ),
    ];
  return Array.from({ length: replicas[name] }, (_, i) => {
    const port = SERVICE_HTTP_PORTS[name];
    const replicaEnv = port === undefined || i === 0 ? env : { ...env, HTTP_PORT: String(replicaPort(port, i + 1)) };
    return launch(replicas[name] > 1 ? `${name}#${i + 1}` : name, startCommand(pkg), cwd, replicaEnv);
  });
});
let stopping = false;
let exitCode = 0;
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    stopping = true;
    for (const child of children) child.kill(signal);
    mailCatcher?.kill(signal);
  });
let running = children.length;
for (const child of children)
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`${child.label} ended (${signal ?? code})`);
    if (code !== 0 && code !== null) exitCode ||= code;
    if (--running === 0) {
      mailCatcher?.kill('SIGTERM');
      process.exit(exitCode);
    }
  });

// The app's start script (`node dist/main.js`) run without a shell, so that a signal reaches node itself.
function startCommand(pkg) {
  const [program, ...args] = pkg.scripts.start.split(/\s+/);
  return program === 'node' ? [process.execPath, ...args] : ['sh', '-c', pkg.scripts.start];
}

/** Starts one process ([file, ...args]) and prefixes each line it prints with its label. */
function launch(label, [file, ...args], cwd, childEnv) {
  const child = spawn(file, args, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ])
    createInterface({ input: stream }).on('line', (line) => out.write(`${label} | ${line}\n`));
  return Object.assign(child, { label });
}
