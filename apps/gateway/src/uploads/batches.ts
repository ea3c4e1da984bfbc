/** A row numbered by its line in the uploaded file. */
export interface NumberedRow<T> {
  readonly row: number;
  readonly value: T;
}

/** One request's worth of rows: consecutive lines from `firstRow`. */
export interface Batch<T> {
  readonly firstRow: number;
  readonly rows: T[];
}

/** A reply made of counts and lists, as a roster check or import answers. */
export type Tally = Readonly<Record<string, number | readonly unknown[]>>;

/**
 * Cuts rows (in file order) into batches of at most `size` consecutive lines. A line that is not sent
 * (blank, or refused by the gateway) starts a new batch, since a reply numbers its rows from `firstRow`.
 */
export function batchesOf<T>(rows: readonly NumberedRow<T>[], size: number): Batch<T>[] {
  const batches: Batch<T>[] = [];
  let current: Batch<T> | undefined;
  for (const { row, value } of rows) {
    if (current === undefined || current.rows.length === size || current.firstRow + current.rows.length !== row) {
      current = { firstRow: row, rows: [] };
      batches.push(current);
    }
    current.rows.push(value);
  }
  return batches;
}

/** Two replies as one: counts added, lists joined in order. */
export function mergeTallies<R extends Tally>(left: R, right: R): R {
  const merged: Record<string, number | readonly unknown[]> = { ...left };
  for (const [key, value] of Object.entries(right)) {
    const before = merged[key];
    if (typeof value === 'number') merged[key] = (typeof before === 'number' ? before : 0) + value;
    else merged[key] = [...(Array.isArray(before) ? (before as readonly unknown[]) : []), ...value];
  }
  return merged as R;
}

/**
 * Sends the rows batch by batch and merges the replies, starting from `empty`. One batch at a time:
 * the batches of an import may name the same person, and must not race to register them.
 */
export async function sendInBatches<T, R extends Tally>(
  rows: readonly NumberedRow<T>[],
  size: number,
  empty: R,
  send: (batch: Batch<T>) => Promise<R>,
): Promise<R> {
  let reply = empty;
  for (const batch of batchesOf(rows, size)) reply = mergeTallies(reply, await send(batch));
  return reply;
}
