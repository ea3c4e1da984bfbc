import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import type { ServiceName } from '@tic/contracts';
import {
  createTestDatabase,
  eventually,
  readAllEvents,
  startNatsServer,
  type TestDatabase,
  type TestNatsServer,
} from '@tic/testing';

import { call, PlatformWorld } from './platform/platform-world';
import { allocationBody } from './matrix/owner-funding';
import { ORGS, tokensFor } from './platform/journey';

// Redis database index reserved for this file.
const REDIS_DB = 4;
const ROOT = join(__dirname, '..', '..', '..');
const REBUILD_CLI = join(ROOT, 'packages', 'platform', 'dist', 'events', 'rebuild-stream-cli.js');
const SERVICES: readonly ServiceName[] = ['applications', 'personnel', 'evaluations', 'funding', 'notifications'];

interface JournalRow {
  readonly service: string;
  readonly eventId: string;
  readonly position: string | null;
}

/** Every service's journal, read with SQL as an operator would: what the stream must hold. */
async function journals(databaseUrl: string): Promise<JournalRow[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const union = SERVICES.map(
      (s) => `select '${s}' as service, event_id::text as "eventId", position from "${s}".outbox_event`,
    ).join(' union all ');
    return (await client.query<JournalRow>(`${union} order by service, position nulls last`)).rows;
  } finally {
    await client.end();
  }
}

async function feedEventIds(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ id: string }>('select event_id::text as id from notifications.feed_event')).rows.map(
      (row) => row.id,
    );
  } finally {
    await client.end();
  }
}

function script(name: string, databaseUrl: string, ...args: string[]) {
  return spawnSync('bash', [join(ROOT, 'scripts', name), ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
}

/** `npm run events:rebuild-stream`, each service's events published as its NATS user. */
function rebuildStream(databaseUrl: string, nats: TestNatsServer, ...flags: string[]) {
  const passwords = Object.fromEntries(
    SERVICES.map((s) => [`NATS_${s.toUpperCase()}_PASSWORD`, nats.userEnv(s).NATS_PASSWORD ?? '']),
  );
  return spawnSync(process.execPath, [REBUILD_CLI, '--services', SERVICES.join(','), ...flags], {
    env: { ...process.env, ...passwords, DATABASE_URL: databaseUrl, NATS_URL: nats.url },
    encoding: 'utf8',
  });
}

const WHEN = { 备份前: 'Before Backup', 备份后: 'After Backup', 恢复后: 'After Restore' } as const;

/** A40: DST registers a center approved before the platform (events of the applications service). */
async function registerCenter(world: PlatformWorld, token: string, when: keyof typeof WHEN) {
  const center = await call<{ id: string }>(world, 'POST', '/centers/existing', {
    token,
    body: {
      field: { zh: `智能制造${when}`, en: `Intelligent Manufacturing ${WHEN[when]}` },
      track: 'formal',
      supportingUnitId: ORGS.supporting,
      constructionUnitId: ORGS.construction,
      coBuilderIds: [ORGS.coBuilder],
      approvedOn: '2024-05-20',
      approvalDocument: '辽科发〔2024〕89号',
    },
  });
  expect(center.status).toBe(201);
  return center;
}

const published = (rows: readonly JournalRow[]) => rows.filter((row) => row.position !== null);
const ids = (rows: readonly JournalRow[]) => rows.map((row) => row.eventId);
const allPublished = async (databaseUrl: string) => {
  const rows = await journals(databaseUrl);
  expect(published(rows)).toHaveLength(rows.length);
  return rows;
};

describe('Backup and restore: pg_dump, pg_restore into a fresh database, the event stream rebuilt from the journals', () => {
  let source: PlatformWorld | undefined;
  let restored: PlatformWorld | undefined;
  let restoredDb: TestDatabase | undefined;
  let emptyNats: TestNatsServer | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tic-backup-'));
  const archive = join(dir, 'tic.dump');

  beforeAll(async () => {
    source = await PlatformWorld.start('backup', REDIS_DB);
  }, 240_000);

  afterAll(async () => {
    await restored?.stop();
    if (!restored) await Promise.all([restoredDb?.drop(), emptyNats?.stop()]);
    await source?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores every journal, and an agency reading the rebuilt stream from the start sees each journal event once', async () => {
    if (!source) throw new Error('no platform');
    const world = source;
    const tokens = await tokensFor(world);
    // Events in the applications and funding journals, then a consistent archive taken while they run.
    const center = await registerCenter(world, tokens.dst, '备份前');
    // The center reaches the funding service by its event, a moment after it is registered.
    await eventually(
      async () => {
        const allocation = await call(world, 'POST', '/allocations', {
          token: tokens.dst,
          body: allocationBody(center.body.id, 2026),
          headers: { 'idempotency-key': 'backup-e2e-allocation' },
        });
        expect(allocation.status).toBe(201);
      },
      30_000,
      250,
    );
    const beforeDump = await eventually(() => allPublished(world.db.url), 20_000);
    expect(new Set(beforeDump.map((row) => row.service)).size).toBeGreaterThanOrEqual(2);
    const backup = script('backup.sh', world.db.url, archive);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const afterDump = await journals(world.db.url);

    // After the backup: events the restored database will never know, held by the old stream.
    await registerCenter(world, tokens.dst, '备份后');
    await eventually(() => allPublished(world.db.url), 20_000);

    restoredDb = await createTestDatabase('restored');
    const restore = script('restore.sh', restoredDb.url, archive);
    expect(restore.status).toBe(0);
    // One snapshot of every journal, taken while reactions to the last commands may still have been arriving.
    const restoredRows = await journals(restoredDb.url);
    expect(ids(afterDump)).toEqual(expect.arrayContaining(ids(restoredRows)));
    expect(ids(restoredRows)).toEqual(expect.arrayContaining(ids(beforeDump)));
    const backedUp = published(restoredRows);
    // A restore never merges into a database that has the schemas already.
    expect(script('restore.sh', restoredDb.url, archive).status).toBe(1);

    // The old stream holds what the restored journals do not: it is not patched, it must be emptied.
    const onOldStream = rebuildStream(restoredDb.url, world.nats);
    expect(onOldStream.stdout).toContain(`journals: ${backedUp.length} published events`);
    expect(onOldStream.stdout).toMatch(/foreign [1-9]/);
    expect(onOldStream.status).toBe(1);
    await world.stop();
    source = undefined;

    // A new, empty nats-server: the stream rebuilt from the journals, then checked.
    emptyNats = await startNatsServer({ platformUsers: true });
    const rebuild = rebuildStream(restoredDb.url, emptyNats);
    expect(rebuild.stderr).toBe('');
    expect(rebuild.stdout).toContain(`published ${backedUp.length};`);
    expect(rebuild.status).toBe(0);
    const check = rebuildStream(restoredDb.url, emptyNats, '--check');
    expect(check.stdout).toContain('consistent');
    expect(check.status).toBe(0);

    // The platform on the restored database and the rebuilt stream takes commands again.
    restored = await PlatformWorld.startOn(restoredDb, emptyNats, REDIS_DB);
    const platform = restored;
    const after = await registerCenter(platform, await platform.token('dst_admin', ORGS.dst), '恢复后');
    // Services react to one another's events a while after a command: compared once both stand still.
    const { journal, stream } = await eventually(async () => {
      const rows = await allPublished(platform.db.url);
      const events = await readAllEvents(emptyNats as TestNatsServer);
      expect(rows.length).toBeGreaterThan(restoredRows.length);
      expect(events.map((event) => event.id).sort()).toEqual(rows.map((row) => row.eventId).sort());
      return { journal: rows, stream: events };
    }, 30_000);
    const agency = stream.map((event) => event.id);
    expect(new Set(agency).size).toBe(agency.length);
    // The command's events are there once each, like every other.
    expect(stream.filter((event) => event.subject === after.body.id).length).toBeGreaterThan(0);
    // Each service's events come in its journal's order.
    for (const service of SERVICES) {
      const own = journal.filter((row) => row.service === service).map((row) => row.eventId);
      expect(agency.filter((id) => own.includes(id))).toEqual(own);
    }

    // The notifications feed, reading the rebuilt stream from its start, holds each event once.
    await eventually(async () => {
      const ids = (await journals(platform.db.url)).map((row) => row.eventId).sort();
      expect((await feedEventIds(platform.db.url)).sort()).toEqual(ids);
    }, 20_000);
  }, 300_000);
});
