import type { Pool } from 'pg';

import type { CommandKind, CommandOutcome } from './command-client';
import type { SeenEvent } from './event-subscriber';
import { LOAD_SERVICES } from './load-world';

/** One line of the verdict: what was checked, what was found, and whether it holds. */
export interface Finding {
  readonly check: string;
  readonly found: string;
  readonly ok: boolean;
}

/** Where each kind of command leaves its row, and the column that holds the command's mark. */
const EFFECTS: Record<CommandKind, { table: string; column: string }> = {
  center: { table: 'applications.center', column: 'approval_document' },
  person: { table: 'personnel.person', column: 'name' },
  expenditure: { table: 'funding.ledger_entry', column: 'voucher_ref' },
  draft: { table: 'applications.application', column: 'field_zh' },
  allocation: { table: 'funding.allocation', column: 'purpose' },
};
const OWNER: Record<CommandKind, string> = {
  center: 'applications',
  person: 'personnel',
  expenditure: 'funding',
  draft: 'applications',
  allocation: 'funding',
};

/** Every command answered with a 2xx (none refused, none given up on). */
export function commandFindings(outcomes: readonly CommandOutcome[]): Finding[] {
  const answered = outcomes.filter((o) => o.status >= 200 && o.status < 300);
  const refused = outcomes.filter((o) => o.status >= 300);
  const unanswered = outcomes.filter((o) => o.status === 0);
  const retried = outcomes.filter((o) => o.attempts > 1);
  const sample = refused[0] === undefined ? '' : `; e.g. ${refused[0].status} ${JSON.stringify(refused[0].problem)}`;
  const reasons = new Map<string, number>();
  for (const reason of unanswered.flatMap((o) => o.retriedOn)) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const why =
    unanswered.length === 0 ? '' : `; unanswered after ${[...reasons].map(([r, n]) => `${r} ×${n}`).join(', ')}`;
  return [
    {
      check: 'every command answered (2xx)',
      found: `${answered.length} of ${outcomes.length}; ${refused.length} refused, ${unanswered.length} unanswered${sample}${why}`,
      ok: answered.length === outcomes.length && outcomes.length > 0,
    },
    {
      check: 'commands retried with their Idempotency-Key',
      found: `${retried.length} (${retried.reduce((n, o) => n + o.attempts - 1, 0)} retries; ${outcomes.filter((o) => o.replayed).length} replayed by the gateway)`,
      ok: true,
    },
  ];
}

/** Each command's mark is in its owner's table exactly once, and its key in the owner's idempotency records once. */
export async function effectFindings(pool: Pool, outcomes: readonly CommandOutcome[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const kind of Object.keys(EFFECTS) as CommandKind[]) {
    const sent = outcomes.filter((o) => o.command.kind === kind);
    if (sent.length === 0) continue;
    const { table, column } = EFFECTS[kind];
    const marks = sent.map((o) => o.command.mark);
    const rows = await pool.query<{ mark: string; count: string }>(
      `select ${column} as mark, count(*) from ${table} where ${column} = any($1) group by 1`,
      [marks],
    );
    const counts = new Map(rows.rows.map((r) => [r.mark, Number(r.count)]));
    const duplicated = marks.filter((m) => (counts.get(m) ?? 0) > 1).length;
    const missing = marks.filter((m) => (counts.get(m) ?? 0) === 0).length;
    findings.push({
      check: `${kind}: rows per command = 1 (${table})`,
      found: `${counts.size} rows for ${sent.length} commands; ${duplicated} duplicated, ${missing} missing`,
      ok: duplicated === 0 && missing === 0,
    });
    const keys = sent.map((o) => o.command.key);
    const records = await pool.query<{ key: string; count: string }>(
      `select key, count(*) from ${OWNER[kind]}.idempotency_record where key = any($1) group by 1`,
      [keys],
    );
    const recordCounts = records.rows.map((r) => Number(r.count));
    findings.push({
      check: `${kind}: idempotency records per key = 1 (${OWNER[kind]})`,
      found: `${records.rows.length} keys recorded of ${keys.length}; max ${Math.max(0, ...recordCounts)} per key`,
      ok: records.rows.length === keys.length && recordCounts.every((c) => c === 1),
    });
  }
  return findings;
}

/** Events of each service: its journal, the stream (read again from the start) and the subscriber agree, one each. */
export async function eventFindings(
  pool: Pool,
  stream: readonly { id: string; source: string }[],
  subscriber: readonly SeenEvent[],
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const duplicates = (ids: readonly string[]) => ids.length - new Set(ids).size;
  for (const service of LOAD_SERVICES) {
    const journal = await pool.query<{ event_id: string }>(`select event_id from ${service}.outbox_event`);
    const journalIds = journal.rows.map((r) => r.event_id);
    const inStream = stream.filter((e) => e.source === `/tic/${service}`).map((e) => e.id);
    const seen = subscriber.filter((e) => e.source === `/tic/${service}`).map((e) => e.id);
    const journalSet = new Set(journalIds);
    const lost = [...journalSet].filter((id) => !new Set(inStream).has(id) || !new Set(seen).has(id)).length;
    const stray = inStream.filter((id) => !journalSet.has(id)).length;
    const same = journalIds.length === inStream.length && inStream.length === seen.length;
    findings.push({
      check: `${service}: journal = stream = subscriber`,
      found: `${journalIds.length} / ${inStream.length} / ${seen.length}; duplicate ids ${duplicates(journalIds)} / ${duplicates(inStream)} / ${duplicates(seen)}; lost ${lost}, not in journal ${stray}`,
      ok: same && lost === 0 && stray === 0 && duplicates(inStream) + duplicates(seen) + duplicates(journalIds) === 0,
    });
  }
  return findings;
}

/** Every D-preparation deadline due by the (moved) clock fired once: its row fired, one overdue event, no reminder twice. */
export async function deadlineFindings(pool: Pool, events: readonly SeenEvent[], today: string): Promise<Finding[]> {
  const rows = await pool.query<{ id: string; due_on: string; state: string }>(
    `select id, to_char(due_on, 'YYYY-MM-DD') as due_on, state from applications.deadline where kind = 'D-preparation'`,
  );
  const overdue = new Map<string, number>();
  const reminders = new Map<string, number>();
  for (const event of events) {
    const deadlineId = typeof event.data.deadlineId === 'string' ? event.data.deadlineId : '';
    if (event.type === 'tic.deadline.overdue') overdue.set(deadlineId, (overdue.get(deadlineId) ?? 0) + 1);
    if (event.type === 'tic.deadline.reminder') {
      const reminder = `${deadlineId}/${String(event.data.daysBefore)}`;
      reminders.set(reminder, (reminders.get(reminder) ?? 0) + 1);
    }
  }
  const due = rows.rows.filter((r) => r.due_on < today);
  const notFired = due.filter((r) => r.state !== 'fired').length;
  const firedTwice = due.filter((r) => (overdue.get(r.id) ?? 0) > 1).length;
  const firedNever = due.filter((r) => (overdue.get(r.id) ?? 0) === 0).length;
  const early = rows.rows.filter((r) => r.due_on >= today && (overdue.get(r.id) ?? 0) > 0).length;
  const remindedTwice = [...reminders.values()].filter((n) => n > 1).length;
  return [
    {
      check: `deadlines due fired exactly once (by ${today})`,
      found: `${due.length} due of ${rows.rows.length}; ${due.length - notFired} rows fired, overdue events ${rows.rows.reduce((n, r) => n + (overdue.get(r.id) ?? 0), 0)}; not fired ${notFired}, no event ${firedNever}, twice ${firedTwice}, early ${early}`,
      ok: notFired === 0 && firedTwice === 0 && firedNever === 0 && early === 0 && due.length > 0,
    },
    {
      check: 'reminders sent at most once each',
      found: `${reminders.size} reminders, ${remindedTwice} sent twice`,
      ok: remindedTwice === 0,
    },
  ];
}

/** The schemas that keep a copy of the center registry from the events (the kit's center directory). */
export const DIRECTORY_SCHEMAS = ['evaluations', 'funding', 'notifications'] as const;

/** Consumers on replicas that were killed: the notifications feed holds each event once, each directory each center. */
export async function consumerFindings(pool: Pool, stream: readonly { id: string }[]): Promise<Finding[]> {
  const feed = await pool.query<{ event_id: string }>('select event_id from notifications.feed_event');
  const feedIds = feed.rows.map((r) => r.event_id);
  const feedSet = new Set(feedIds);
  const missing = stream.filter((e) => !feedSet.has(e.id)).length;
  const findings: Finding[] = [
    {
      check: 'notifications feed = stream',
      found: `${feedIds.length} of ${stream.length}; ${feedIds.length - feedSet.size} duplicated, ${missing} missing`,
      ok: feedIds.length === stream.length && feedSet.size === feedIds.length && missing === 0,
    },
  ];
  const centers = await pool.query<{ id: string }>('select id from applications.center');
  for (const schema of DIRECTORY_SCHEMAS) {
    const copy = await pool.query<{ id: string }>(`select id from ${schema}.center_directory`);
    const known = new Set(copy.rows.map((r) => r.id));
    const unknown = centers.rows.filter((c) => !known.has(c.id)).length;
    findings.push({
      check: `${schema}: center directory = registry`,
      found: `${copy.rows.length} of ${centers.rows.length} centers; ${unknown} unknown`,
      ok: unknown === 0 && copy.rows.length === centers.rows.length,
    });
  }
  return findings;
}
