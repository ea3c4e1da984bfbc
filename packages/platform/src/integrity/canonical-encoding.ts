/** The fields of a history row that its chain hash covers, as read back from the database. */
export interface ChainedRowFields {
  /** Chain sequence, decimal (a bigint outgrows a JSON number long before the column). */
  readonly chainSeq: string;
  readonly id: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly aggregateVersion: number;
  readonly action: string;
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly actorUserId: string | null;
  readonly actorName: string | null;
  readonly actorRole: string | null;
  readonly comment: string | null;
  readonly article: string | null;
  readonly findings: unknown;
  readonly correlationId: string | null;
  /** ISO 8601 in UTC with microseconds, as Postgres holds it (`HISTORY_AT_ISO_SQL`). */
  readonly at: string;
}

// Names the layout, so that a later change of the encoding can be told apart from tampering.
const ENCODING_VERSION = 'tic-history-v1';

/**
 * The bytes a row's hash covers: a JSON array in a fixed field order, the timestamp as Postgres's own
 * ISO string (microseconds included: a JS Date would drop them, and a change there would go unseen),
 * and the findings with object keys sorted at every depth, so that jsonb's reordering of keys never
 * changes the hash. The chain sequence is included, so that rows swapped in the chain do not verify.
 */
export function canonicalRowEncoding(row: ChainedRowFields): string {
  return JSON.stringify([
    ENCODING_VERSION,
    row.chainSeq,
    row.id,
    row.aggregateType,
    row.aggregateId,
    row.aggregateVersion,
    row.action,
    row.fromStatus,
    row.toStatus,
    row.actorUserId,
    row.actorName,
    row.actorRole,
    row.comment,
    row.article,
    sortedKeys(row.findings),
    row.correlationId,
    row.at,
  ]);
}

/** The value with every object's keys in code-point order (arrays keep their order). */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, inner]) => inner !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortedKeys(inner)]));
}
