import 'reflect-metadata';

import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTestDatabase, eventually, type TestDatabase } from '@tic/testing';

import { HistoryReplica, rowAt, SCHEMA } from './support/history-chain-harness';

const CLI = join(__dirname, '..', 'dist', 'integrity', 'history-verify-main.js');

/** `npm run history:verify` as the operator runs it: the built command, its exit code and output. */
function verifyCommand(
  databaseUrl: string,
  ...args: string[]
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync('node', [CLI, SCHEMA, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Manual instants: the sealer is told when "now" is, so a day ends without waiting for one.
const dayOne = new Date('2026-11-28T10:00:00Z');
const dayTwo = new Date('2026-11-29T10:00:00Z');

describe('the history chain of a service (real Postgres)', () => {
  let db: TestDatabase;
  let replica: HistoryReplica;
  const sql = (statement: string, params: unknown[] = []) =>
    replica.orm.em.getConnection().execute<Record<string, unknown>[]>(statement, params);

  beforeAll(async () => {
    db = await createTestDatabase('history_chain');
    replica = await HistoryReplica.open(db.url);
    await replica.orm.schema.createSchema({ schema: SCHEMA });
  }, 60_000);

  afterAll(async () => {
    await replica?.close();
    await db?.drop();
  });

  /** Six commands over two days, sealed, the first day anchored: a verified chain to tamper with. */
  beforeEach(async () => {
    await sql(`truncate ${SCHEMA}.history_entry, ${SCHEMA}.history_chain_head, ${SCHEMA}.history_anchor`);
    for (const n of [1, 2, 3]) await replica.file(`grant ${n}`, `第${n}次提交`);
    expect(await replica.sealer.drain(dayOne)).toBe(3);
    for (const n of [4, 5, 6]) await replica.file(`grant ${n}`, `第${n}次提交`);
    expect(await replica.sealer.drain(dayTwo)).toBe(3);
    expect(await replica.verify()).toMatchObject({ rows: 6, anchors: 1, lastSeq: '6', problems: [], unsealed: 0 });
  });

  it('anchors the day that ended with the chain as it stood, and the command prints OK with the counts', async () => {
    const third = await rowAt(replica.orm, 3);
    const [anchor] = await sql(
      `select day::text as day, last_seq::text as seq, head_hash from ${SCHEMA}.history_anchor`,
    );
    const [row] = await sql(`select chain_hash from ${SCHEMA}.history_entry where id = ?`, [third.id]);
    expect(anchor).toEqual({ day: '2026-11-28', seq: '3', head_hash: row?.chain_hash });

    const { code, stdout } = verifyCommand(db.url);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(
      `OK ${SCHEMA} history chain: 6 sealed rows (sequence 1–6), 1 day anchors, 0 awaiting the sealer`,
    );
  });

  it('names a row whose comment was changed, by sequence and id, and the command exits 1', async () => {
    const target = await rowAt(replica.orm, 2);
    await sql(`update ${SCHEMA}.history_entry set comment = '已篡改' where id = ?`, [target.id]);

    expect((await replica.verify()).problems).toEqual([{ check: 'altered', seq: '2', id: target.id }]);
    const failed = verifyCommand(db.url);
    expect(failed).toMatchObject({ code: 1 });
    expect(failed.stderr).toContain(`altered: row 2 (id ${target.id})`);
  });

  it('names a change to the findings, which jsonb holds, and to the timestamp', async () => {
    const fourth = await rowAt(replica.orm, 4);
    const fifth = await rowAt(replica.orm, 5);
    await sql(`update ${SCHEMA}.history_entry set findings = '[]' where id = ?`, [fourth.id]);
    await sql(`update ${SCHEMA}.history_entry set at = at + interval '1 microsecond' where id = ?`, [fifth.id]);
    expect((await replica.verify()).problems).toEqual([
      { check: 'altered', seq: '4', id: fourth.id },
      { check: 'altered', seq: '5', id: fifth.id },
    ]);
  });

  it('names a deleted row as the gap before the row after it', async () => {
    const deleted = await rowAt(replica.orm, 4);
    const after = await rowAt(replica.orm, 5);
    await sql(`delete from ${SCHEMA}.history_entry where id = ?`, [deleted.id]);
    expect((await replica.verify()).problems).toEqual([
      { check: 'removed', fromSeq: '4', toSeq: '4', nextId: after.id },
    ]);
  });

  it('names rows deleted from the end of the chain, and keeps the gap when the sealer goes on', async () => {
    await sql(`delete from ${SCHEMA}.history_entry where chain_seq >= 5`);
    await replica.file('grant 7', '删除之后');
    await replica.sealer.drain(dayTwo);
    const problems = (await replica.verify()).problems;
    expect(problems[0]).toMatchObject({ check: 'removed', fromSeq: '5', toSeq: '6' });
  });

  it('names a deleted chain head, and the command refuses a bad option with exit 2 naming it', async () => {
    await sql(`delete from ${SCHEMA}.history_chain_head`);
    expect((await replica.verify()).problems).toEqual([{ check: 'head', headSeq: null, lastSeq: '6' }]);
    const refused = verifyCommand(db.url, '--unsealed-minutes', 'soon');
    expect(refused).toMatchObject({
      code: 2,
      stderr: 'history:verify: --unsealed-minutes must be a positive number of minutes\n',
    });
  });

  it('names an anchor that was altered', async () => {
    await sql(`update ${SCHEMA}.history_anchor set head_hash = repeat('ab', 32)`);
    expect((await replica.verify()).problems).toEqual([
      {
        check: 'anchor',
        day: '2026-11-28',
        lastSeq: '3',
        source: 'table',
        reason: "its head hash is not row 3's hash",
      },
    ]);
  });

  it('names a forged row inserted into the chain, and one slipped in unsealed with an old date', async () => {
    const [head] = await sql(`select head_hash from ${SCHEMA}.history_chain_head`);
    await sql(
      `insert into ${SCHEMA}.history_entry (id, aggregate_type, aggregate_id, aggregate_version, action, findings, at, chain_seq, chain_hash)
       values ('00000000-0000-4000-8000-00000000f0f0', 'grant_file', gen_random_uuid(), 1, 'grant.file', '[]', now(), 7, ?)`,
      [head?.head_hash],
    );
    await sql(
      `insert into ${SCHEMA}.history_entry (id, aggregate_type, aggregate_id, aggregate_version, action, findings, at)
       values ('00000000-0000-4000-8000-00000000f0f1', 'grant_file', gen_random_uuid(), 1, 'grant.file', '[]', now() - interval '3 days')`,
    );
    const result = await replica.verify();
    expect(result.problems).toEqual([{ check: 'beyond-head', seq: '7', id: '00000000-0000-4000-8000-00000000f0f0' }]);
    expect(result).toMatchObject({
      unsealed: 1,
      overdueCount: 1,
      overdue: [{ id: '00000000-0000-4000-8000-00000000f0f1' }],
    });
  });

  it('catches a chain rebuilt with fresh hashes and anchor against the anchors handed out before', async () => {
    const anchorsFile = join(tmpdir(), `anchors-${process.pid}-${Date.now()}.jsonl`);
    const { stdout } = verifyCommand(db.url, '--anchors');
    // One file of every service's anchors, as handed to an auditor: another schema's days are not this chain's.
    const otherService = JSON.stringify({ schema: 'personnel', day: '2026-11-28', lastSeq: '1', headHash: '00' });
    await writeFile(anchorsFile, `${stdout}${otherService}\n`);
    expect(verifyCommand(db.url, '--published', anchorsFile)).toMatchObject({ code: 0 });
    // Whoever holds the database rewrites row 2, unseals everything and lets the sealer rebuild the chain.
    await sql(`update ${SCHEMA}.history_entry set comment = '改写', chain_seq = null, chain_hash = null`);
    await sql(`truncate ${SCHEMA}.history_chain_head, ${SCHEMA}.history_anchor`);
    await replica.sealer.drain(dayOne);
    await replica.sealer.drain(dayTwo);
    expect((await replica.verify()).problems).toEqual([]);

    const failed = verifyCommand(db.url, '--published', anchorsFile);
    expect(failed).toMatchObject({ code: 1 });
    expect(failed.stderr).toContain('anchor: published anchor of 2026-11-28 (up to row 3)');
  });
});

describe('two replicas writing at once (real Postgres)', () => {
  let db: TestDatabase;
  let replicas: HistoryReplica[];

  beforeAll(async () => {
    db = await createTestDatabase('history_chain_replicas');
    const first = await HistoryReplica.open(db.url, true);
    await first.orm.schema.createSchema({ schema: SCHEMA });
    replicas = [first, await HistoryReplica.open(db.url, true)];
  }, 60_000);

  afterAll(async () => {
    for (const replica of replicas ?? []) await replica.close();
    await db?.drop();
  });

  it('seal every row after its commit into one gap-free chain that verifies', async () => {
    const perReplica = 60;
    await Promise.all(
      replicas.map(async (replica, r) => {
        for (let i = 0; i < perReplica; i += 1) await replica.file(`replica ${r} grant ${i}`, `${r}-${i}`);
      }),
    );
    const [first] = replicas;
    if (first === undefined) throw new Error('no replica');
    // Each commit woke its replica's sealer; no test call seals anything here.
    const result = await eventually(async () => {
      const verified = await first.verify();
      expect(verified.unsealed).toBe(0);
      return verified;
    });
    expect(result).toMatchObject({ rows: 2 * perReplica, lastSeq: String(2 * perReplica), problems: [] });
  }, 60_000);
});
