import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The users of `infra/nats/users.conf`: the services, the gateway, and the demo agency. */
export const PLATFORM_NATS_USERS = [
  'gateway',
  'applications',
  'personnel',
  'evaluations',
  'funding',
  'notifications',
  'agency_demo',
] as const;

export type PlatformNatsUser = (typeof PLATFORM_NATS_USERS)[number];

/** What a process needs to connect as one NATS user: NATS_URL, and NATS_USER and NATS_PASSWORD with users. */
export type NatsUserEnv = Readonly<Record<string, string>> & { readonly NATS_URL: string };

/** `infra/nats/users.conf` of this repository (found upwards from the test kit). */
export function platformUsersFile(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'infra', 'nats', 'users.conf');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`infra/nats/users.conf not found above ${from}`);
  }
}

/** Connection options of a NATS user: a bare URL (a server without users), or a user's settings. */
export function natsUserOptions(target: string | NatsUserEnv): {
  servers: string;
  user?: string;
  pass?: string;
  inboxPrefix?: string;
} {
  if (typeof target === 'string') return { servers: target };
  if (target.NATS_USER === undefined || target.NATS_PASSWORD === undefined) return { servers: target.NATS_URL };
  return {
    servers: target.NATS_URL,
    user: target.NATS_USER,
    pass: target.NATS_PASSWORD,
    inboxPrefix: `_INBOX_${target.NATS_USER}`,
  };
}
