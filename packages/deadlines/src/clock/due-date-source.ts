import type { EntityManager } from '@mikro-orm/core';

import { assertIsoDate } from '@tic/domain';

/**
 * The date that decides whether a deadline or a reminder is due. In production it is the database's
 * date in Asia/Shanghai, one date for every replica, so that a replica whose clock runs ahead cannot
 * fire early. End-to-end runs move it by whole days (ShiftedClock); tests fix it (ManualClock).
 */
export type DueDateSource =
  { readonly kind: 'database'; readonly offsetDays: number } | { readonly kind: 'fixed'; readonly date: string };

export const DATABASE_DATE: DueDateSource = { kind: 'database', offsetDays: 0 };

/** The source as SQL (a `date` expression) and its parameters. */
export function dueDateSql(source: DueDateSource): { readonly sql: string; readonly params: unknown[] } {
  if (source.kind === 'fixed') {
    assertIsoDate(source.date, 'date');
    return { sql: '(?::date)', params: [source.date] };
  }
  if (!Number.isInteger(source.offsetDays))
    throw new RangeError(`offsetDays must be a whole number, got ${source.offsetDays}`);
  // now() is the transaction's start: one date for the whole decision, taken on the database's clock.
  return { sql: `((now() at time zone 'Asia/Shanghai')::date + ?::integer)`, params: [source.offsetDays] };
}

/** A condition comparing a date column with the source, for a query builder's `andWhere(sql, params)`. */
export function dueDateCondition(
  column: 'due_on' | 'remind_on',
  operator: '<' | '<=' | '>=',
  source: DueDateSource,
): [string, unknown[]] {
  const { sql, params } = dueDateSql(source);
  return [`${column} ${operator} ${sql}`, params];
}

/** Reads the date the source names, `YYYY-MM-DD`, through `em` (inside its transaction when it has one). */
export async function readDueDate(em: EntityManager, source: DueDateSource): Promise<string> {
  if (source.kind === 'fixed') return source.date;
  const { sql, params } = dueDateSql(source);
  const rows: unknown = await em
    .getConnection()
    .execute(`select ${sql}::text as today`, params, 'all', em.getTransactionContext());
  const first: unknown = Array.isArray(rows) ? rows[0] : undefined;
  if (typeof first === 'object' && first !== null && 'today' in first && typeof first.today === 'string')
    return first.today;
  throw new Error('the database returned no date');
}
