import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

import { z } from 'zod';

import { ROLES } from '@tic/domain';

import { mintDevToken } from '../auth/dev-token';

export const TOKEN_USAGE = `usage: npm run token -w @tic/gateway -- --role <role> --org <orgId> [--sub <id>] [--name <name>]
  role: ${ROLES.join(' | ')}
  Prints a development JWT (ES256, valid 8 h) signed with the key in <repo>/.local/dev-jwt (created on first use).`;

const optionsSchema = z.object({
  role: z.enum(ROLES, { error: `--role must be one of ${ROLES.join(', ')}` }),
  org: z.uuid({ error: '--org must be an organization id (a UUID)' }),
  sub: z.string().trim().min(1).max(200).optional(),
  name: z.string().trim().min(1).max(100).optional(),
});

/** Thrown for bad arguments; the message is meant for the terminal. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The token command: development tokens only, refused when NODE_ENV=production. */
export async function tokenCommand(argv: readonly string[], env: Record<string, string | undefined>): Promise<string> {
  if (env.NODE_ENV === 'production')
    throw new UsageError('the token command mints development tokens; it does not run in production');
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { role: { type: 'string' }, org: { type: 'string' }, sub: { type: 'string' }, name: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${TOKEN_USAGE}`);
  }
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(`${parsed.error.issues.map((i) => i.message).join('\n')}\n${TOKEN_USAGE}`);
  const { role, org } = parsed.data;
  const sub = parsed.data.sub ?? `dev-${role}-${randomUUID().slice(0, 8)}`;
  const name = parsed.data.name ?? `开发用户（${role}）`;
  return mintDevToken({ sub, name, role, org }, env.DEV_JWT_DIR);
}
