// `npm start`: brings up local PostgreSQL, Redis and NATS where they are not running, builds every
// workspace, and runs every service that exists in the foreground until Ctrl-C.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const appsDir = join(root, 'apps');
const services = readdirSync(appsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(appsDir, entry.name, 'package.json')))
  .map((entry) => JSON.parse(readFileSync(join(appsDir, entry.name, 'package.json'), 'utf8')))
  .filter((pkg) => pkg.scripts?.start);

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

const filters = services.flatMap((pkg) => ['--filter', pkg.name]);
console.log(
  `starting ${services.map((pkg) => pkg.name).join(', ')}; the gateway listens on port ${process.env.PORT ?? 3000}`,
);
const child = spawn('npx', ['turbo', 'run', 'start', '--only', '--ui', 'stream', ...filters], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    child.kill(signal);
    mailCatcher?.kill(signal);
  });
child.on('exit', (code) => {
  mailCatcher?.kill('SIGTERM');
  process.exit(code ?? 0);
});
