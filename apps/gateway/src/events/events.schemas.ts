import { z } from 'zod';

/** GET /events: after a cursor (nextCursor of the previous page), up to `limit` events. */
export const eventsQuerySchema = z.object({
  after: z.string().max(2000).optional().describe('nextCursor of the previous page; absent to read from the beginning'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EventsQuery = z.output<typeof eventsQuerySchema>;

const journalEvent = z
  .looseObject({ id: z.string(), type: z.string(), source: z.string().optional(), time: z.string().optional(), position: z.string() })
  .describe('a CloudEvents 1.0 document with its journal position in the service that published it');

export const eventsPageSchema = z.object({
  events: z.array(journalEvent),
  nextCursor: z.string().describe('pass as `after` to read on; unchanged when nothing new was there'),
});
export type EventsPage = z.output<typeof eventsPageSchema>;
export type JournalEvent = z.output<typeof journalEvent>;
