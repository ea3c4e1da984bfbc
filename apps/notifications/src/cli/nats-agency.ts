import 'reflect-metadata';

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

import { loadConfig, openOrm } from '@tic/platform';

import { agencyConnectionSettings } from '../agency-nats/agency-nats-config';
import { AgencyNatsUser } from '../agency-nats/agency-nats-user.entity';
import { hashAgencyPassword, newAgencyPassword } from '../agency-nats/agency-password';
import { reloadNatsServer, renderAgencyUsersFile } from '../agency-nats/render-agency-users';
import { notificationsConfigSchema } from '../config';
import { NOTIFICATIONS_ENTITIES } from '../entities';

const USAGE = `npm run nats:agency -w @tic/notifications -- <command>
  create <orgId> [--by <name>]   create the agency's NATS user or rotate its password; prints the password once
  revoke <orgId>                 revoke it (it stays able to connect until the next render and reload)
  render --out <file> [--from <users.conf>] [--pid-file <nats-server pid file>]
                                 write users.conf with every active agency user (from: --out when it exists,
                                 else infra/nats/users.conf), then reload the server whose pid file is given`;

/** infra/nats/users.conf of this repository, found upwards from the command. */
function repositoryUsersConf(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dir, 'infra', 'nats', 'users.conf');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('infra/nats/users.conf not found: pass --from');
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      from: { type: 'string' },
      'pid-file': { type: 'string' },
      by: { type: 'string' },
    },
  });
  const [command, orgId] = positionals;
  if (command === undefined || !['create', 'revoke', 'render'].includes(command)) throw new Error(USAGE);
  if (command !== 'render' && orgId === undefined) throw new Error(`${command}: name the organization id\n${USAGE}`);
  const out = values.out;
  if (command === 'render' && out === undefined) throw new Error(`render: --out <file> is required\n${USAGE}`);

  const orm = await openOrm({
    databaseUrl: loadConfig(notificationsConfigSchema).DATABASE_URL,
    schema: 'notifications',
    entities: NOTIFICATIONS_ENTITIES,
    migrationsPath: join(__dirname, '..', 'migrations'),
  });
  try {
    const em = orm.em.fork();
    const users = em.getRepository(AgencyNatsUser);
    if (command === 'create' && orgId !== undefined) {
      const password = newAgencyPassword();
      const user = await users.issue(orgId, await hashAgencyPassword(password), values.by ?? 'operator (command line)');
      const settings = agencyConnectionSettings(user.userName);
      process.stdout.write(`${JSON.stringify({ orgId, ...settings, password }, null, 2)}\n`);
      process.stderr.write('The password is shown this once. Render and reload for it to take effect.\n');
    } else if (command === 'revoke' && orgId !== undefined) {
      const user = await users.forUpdate(orgId);
      if (user === null) throw new Error(`organization ${orgId} has no NATS user`);
      user.revokedAt ??= new Date();
      await em.flush();
      process.stdout.write(`revoked ${user.userName}; render and reload to close it out\n`);
    } else if (out !== undefined) {
      const from = values.from ?? (existsSync(out) ? out : repositoryUsersConf());
      const written = await renderAgencyUsersFile(em, { from, out });
      process.stdout.write(
        `wrote ${out} with ${written.length} agency user(s)${written.map((u) => `\n  ${u}`).join('')}\n`,
      );
      if (values['pid-file'] !== undefined) {
        process.stdout.write(`reloaded nats-server ${reloadNatsServer(values['pid-file'])}\n`);
      }
    }
  } finally {
    await orm.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
