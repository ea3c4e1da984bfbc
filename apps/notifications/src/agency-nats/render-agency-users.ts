import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { EntityManager } from '@mikro-orm/postgresql';

import { renderUsersConf } from './agency-nats-config';
import { AgencyNatsUser } from './agency-nats-user.entity';

export interface RenderAgencyUsersOptions {
  /** The users.conf whose agency region is filled (the repository's infra/nats/users.conf, or `out` itself). */
  readonly from: string;
  readonly out: string;
}

/**
 * Writes `from` with every active agency user in its agency region to `out`, replacing it whole (a
 * rename), so a server reloading at that moment reads the old file or the new one, never half of it.
 * Returns the users written.
 */
export async function renderAgencyUsersFile(em: EntityManager, options: RenderAgencyUsersOptions): Promise<string[]> {
  const active = await em.getRepository(AgencyNatsUser).active();
  const text = renderUsersConf(
    readFileSync(options.from, 'utf8'),
    active.map((user) => ({ user: user.userName, passwordHash: user.passwordHash, orgId: user.orgId })),
  );
  const staging = join(dirname(options.out), `.${process.pid}.users.conf.tmp`);
  writeFileSync(staging, text, { mode: 0o600 });
  renameSync(staging, options.out);
  return active.map((user) => user.userName);
}

/** Tells the nats-server whose pid file this is to reload its configuration (its SIGHUP). */
export function reloadNatsServer(pidFile: string): number {
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`${pidFile} holds no process id`);
  process.kill(pid, 'SIGHUP');
  return pid;
}
