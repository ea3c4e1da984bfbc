import { readFile } from 'node:fs/promises';

import { z } from 'zod';

import { baseConfigSchema } from '../config/config';
import { openOrm } from '../database/orm-config';
import { describeVerification } from './chain-report';
import type { ChainAnchor } from './chain-verifier';
import { verifyHistory } from './history-verification';

const anchorSchema = z.object({
  schema: z.string().optional(),
  day: z.iso.date(),
  lastSeq: z.string().regex(/^\d+$/),
  headHash: z.string(),
});

/**
 * A service's `history:verify` command: `<schema> [--anchors] [--published <file>] [--unsealed-minutes <n>]`.
 * Walks the schema's history chain and prints OK with its counts, or exits 1 naming the first row
 * altered or removed, any anchor that no longer matches and rows left unsealed. `--anchors` prints the
 * day anchors instead, one JSON line each, to hand to an outside party; `--published` checks such a copy.
 */
export async function runHistoryVerifyCli(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const [schema] = argv;
  if (schema === undefined || schema.startsWith('--') || !/^[a-z_]+$/.test(schema)) {
    process.stderr.write('usage: history-verify <schema> [--anchors] [--published <file>] [--unsealed-minutes <n>]\n');
    process.exitCode = 2;
    return;
  }
  const database = z.object({ DATABASE_URL: baseConfigSchema.shape.DATABASE_URL }).safeParse(process.env);
  if (!database.success) throw new Error('DATABASE_URL must be a postgres:// URL');
  const DATABASE_URL = database.data.DATABASE_URL;
  const published = await readPublished(valueOf(argv, '--published'), schema);
  const minutes = z.coerce
    .number()
    .positive()
    .safeParse(valueOf(argv, '--unsealed-minutes') ?? 10);
  if (!minutes.success) throw new Error('--unsealed-minutes must be a positive number of minutes');
  const unsealedMinutes = minutes.data;
  const orm = await openOrm({ databaseUrl: DATABASE_URL, schema, entities: [], migrationsPath: __dirname });
  try {
    if (argv.includes('--anchors')) {
      const anchors = await orm.em
        .fork()
        .execute<ChainAnchor[]>(
          `select day::text as day, last_seq::text as "lastSeq", head_hash as "headHash" from "${schema}".history_anchor order by day`,
        );
      for (const anchor of anchors) process.stdout.write(`${JSON.stringify({ schema, ...anchor })}\n`);
      return;
    }
    const result = await verifyHistory(orm, schema, { unsealedAllowanceMs: unsealedMinutes * 60_000, published });
    const { ok, lines } = describeVerification(schema, result);
    (ok ? process.stdout : process.stderr).write(`${lines.join('\n')}\n`);
    if (!ok) process.exitCode = 1;
  } finally {
    await orm.close();
  }
}

/**
 * The schema's anchors from a file of `--anchors` lines (one JSON object a line): one file may hold every
 * service's, as handed to an auditor; a line naming another schema is not this chain's.
 */
async function readPublished(path: string | undefined, schema: string): Promise<ChainAnchor[]> {
  if (path === undefined) return [];
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = anchorSchema.safeParse(parseJson(line));
      if (!parsed.success)
        throw new Error(`${path} line ${i + 1}: not an anchor line of \`--anchors\` (day, lastSeq, headHash)`);
      return parsed.data;
    })
    .filter((anchor) => anchor.schema === undefined || anchor.schema === schema)
    .map(({ day, lastSeq, headHash }) => ({ day, lastSeq, headHash }));
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function valueOf(argv: readonly string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at === -1 ? undefined : argv[at + 1];
}
