import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import type { IdentityNumbers } from '@tic/personnel/dist/identity/identity-numbers';

import { benchId, DST_ORG_ID, organizationId, PEOPLE, platformPlan, PLATFORMS, postsOf } from './population';
import { personName, registeredId } from './resident-ids';

const CREATED_AT = '2026-01-01 08:00:00+00';
const ROWS_PER_CHUNK = 2000;

export interface SeedCounts {
  readonly platforms: number;
  readonly people: number;
  readonly appointments: number;
  /** Seconds each COPY took; people and appointments run at the same time. */
  readonly seconds: { readonly platforms: number; readonly people: number; readonly appointments: number };
}

/**
 * Fills the personnel schema with COPY … FROM STDIN, never row by row: the platforms first, then
 * people and appointments on two connections at once. Each person's number is protected by the
 * service's own IdentityNumbers, so that its hash is the one the service looks up.
 */
export async function seedPersonnel(databaseUrl: string, identityNumbers: IdentityNumbers): Promise<SeedCounts> {
  const counts = { platforms: 0, people: 0, appointments: 0 };
  const timed = async (copying: (client: Client) => Promise<void>) => {
    const started = performance.now();
    await withClient(databaseUrl, copying);
    return (performance.now() - started) / 1000;
  };
  const platforms = await timed((client) => copy(client, 'platform', PLATFORM_COLUMNS, platformLines(counts)));
  const [people, appointments] = await Promise.all([
    timed((client) => copy(client, 'person', PERSON_COLUMNS, personLines(identityNumbers, counts))),
    timed((client) => copy(client, 'appointment', APPOINTMENT_COLUMNS, appointmentLines(counts))),
  ]);
  return { ...counts, seconds: { platforms, people, appointments } };
}

const PLATFORM_COLUMNS = [
  'id',
  'created_at',
  'name',
  'kind',
  'status',
  'code',
  'supporting_unit_id',
  'construction_unit_id',
  'recommender_id',
  'co_builder_ids',
  'source',
];
const PERSON_COLUMNS = [
  'id',
  'created_at',
  'name',
  'id_number_ciphertext',
  'id_number_key_id',
  'id_number_hash',
  'id_number_masked',
  'title',
  'employer_org_id',
  'registered_by_org_id',
  'phone',
  'email',
  'updated_at',
];
const APPOINTMENT_COLUMNS = [
  'id',
  'created_at',
  'person_id',
  'platform_id',
  'role',
  'kind',
  'status',
  'starts_on',
  'ends_on',
  'agreement',
  'findings',
  'waivers',
  'director_filing',
];
const NULL = '\\N';

function* platformLines(counts: { platforms: number }): Generator<string> {
  for (let platform = 0; platform < PLATFORMS; platform += 1) {
    const { kind, closed, name } = platformPlan(platform);
    const center = kind === 'technology_innovation_center';
    const code = `LN-${String(platform + 1).padStart(5, '0')}`;
    yield row([
      benchId('platform', platform),
      CREATED_AT,
      name,
      kind,
      closed ? 'closed' : 'active',
      code,
      organizationId(platform * 7 + 1),
      center ? organizationId(platform * 7 + 2) : NULL,
      NULL,
      '[]',
      center ? 'center_registry' : 'api',
    ]);
    counts.platforms += 1;
  }
}

function* personLines(identityNumbers: IdentityNumbers, counts: { people: number }): Generator<string> {
  for (let person = 0; person < PEOPLE; person += 1) {
    const id = benchId('person', person);
    const number = identityNumbers.protect(id, registeredId(person));
    yield row([
      id,
      CREATED_AT,
      personName(person),
      number.ciphertext,
      number.keyId,
      number.hash,
      number.masked,
      NULL,
      organizationId(person),
      DST_ORG_ID,
      NULL,
      NULL,
      CREATED_AT,
    ]);
    counts.people += 1;
  }
}

function* appointmentLines(counts: { appointments: number }): Generator<string> {
  for (let person = 0; person < PEOPLE; person += 1) {
    for (const post of postsOf(person)) {
      const id = benchId('appointment', counts.appointments);
      yield row([
        id,
        CREATED_AT,
        benchId('person', person),
        benchId('platform', post.platform),
        post.role,
        post.kind,
        post.status,
        post.startsOn,
        post.endsOn ?? NULL,
        NULL,
        '[]',
        '[]',
        NULL,
      ]);
      counts.appointments += 1;
    }
  }
}

// COPY's text format: tab-separated, \N for null. No generated value holds a tab, newline or backslash.
function row(values: readonly string[]): string {
  return `${values.join('\t')}\n`;
}

async function copy(client: Client, table: string, columns: readonly string[], lines: Iterable<string>): Promise<void> {
  const sink = client.query(copyFrom(`copy personnel.${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(chunks(lines)), sink);
}

function* chunks(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  let rows = 0;
  for (const line of lines) {
    chunk += line;
    rows += 1;
    if (rows === ROWS_PER_CHUNK) {
      yield chunk;
      chunk = '';
      rows = 0;
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** VACUUM (ANALYZE): fresh statistics, and the visibility map a long-running database would have. */
export async function analyze(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    for (const table of ['platform', 'person', 'appointment'])
      await client.query(`vacuum (analyze) personnel.${table}`);
  });
}

/** Sizes of the seeded tables with their indexes, for the report. */
export async function tableSizes(databaseUrl: string): Promise<Record<string, string>> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ name: string; size: string }>(
      `select c.relname as name, pg_size_pretty(pg_total_relation_size(c.oid)) as size
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'personnel' and c.relname in ('platform', 'person', 'appointment')`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.size]));
  });
}

export async function withClient<T>(databaseUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
