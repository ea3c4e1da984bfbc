import { z } from 'zod';

/** Cursor pagination for every list (CONTRACT.md): `limit` up to 200, an opaque `cursor` from the previous page. */
export const pageRequest = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  // Lists page by their UUID v7 ids, so a cursor is the last id of the previous page.
  cursor: z.uuid().optional(),
};

/** A page of items and the cursor of the next one (absent on the last page). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().optional() });
}

/** A resource's version, for `If-Match` / optimistic concurrency on every state change. */
export const expectedVersion = z.number().int().min(1).describe('the version the client read; a stale one gets 409');
