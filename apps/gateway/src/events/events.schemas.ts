import { z } from 'zod';

/** GET /events: after a cursor (nextCursor of the previous page), up to `limit` events. */
export const eventsQuerySchema = z.object({
  after: z.string().max(2000).optional().describe('nextCursor of the previous page; absent to read from the beginning'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EventsQuery = z.output<typeof eventsQuerySchema>;

const journalEvent = z
  .looseObject({
    id: z.string(),
    type: z.string(),
    source: z.string().optional(),
    time: z.string().optional(),
    position: z.string(),
  })
  .describe('a CloudEvents 1.0 document with its journal position in the service that published it');

const lagging = z
  .object({
    service: z.string(),
    reason: z
      .enum(['unavailable', 'publishing'])
      .describe(
        'unavailable: the service did not answer, none of its events are in this page; publishing: it answered, but its relay has events it has not published yet',
      ),
    unpublished: z.number().int().optional().describe('committed events the service has not published yet'),
    lagMs: z.number().optional().describe('how long the oldest of them has waited'),
  })
  .describe('a service whose events this page may lack; they come in later pages from the same cursor, never skipped');

export const eventsPageSchema = z.object({
  events: z.array(journalEvent),
  nextCursor: z
    .string()
    .describe(
      'pass as `after` to read on; holds a position per service, so a service that was behind resumes where it stood; unchanged when nothing new was there',
    ),
  behind: z
    .array(lagging)
    .describe('services behind when this page was read (empty when all answered and had published everything)'),
});
export type EventsPage = z.output<typeof eventsPageSchema>;
export type JournalEvent = z.output<typeof journalEvent>;
export type LaggingService = z.output<typeof lagging>;
