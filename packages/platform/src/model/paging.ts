/** One page of a keyset-paginated list: `limit` rows were asked for, one more was read to see if more exist. */
export function pageOf<T, R>(
  rows: readonly T[],
  limit: number,
  cursorOf: (row: T) => string,
  view: (row: T) => R,
): { items: R[]; nextCursor?: string } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return rows.length > limit && last !== undefined
    ? { items: page.map(view), nextCursor: cursorOf(last) }
    : { items: page.map(view) };
}
