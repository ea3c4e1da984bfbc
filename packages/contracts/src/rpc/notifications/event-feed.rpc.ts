import { z } from 'zod';

import { EVENT_DEFINITIONS, type EventType } from '../../event-catalogue';
import { defineRpc } from '../define-rpc';

const EVENT_TYPE_NAMES = EVENT_DEFINITIONS.map((definition) => definition.type) as [EventType, ...EventType[]];

/** `a,b` in a query string or `["a","b"]` in a body: the same list. */
function listOf<T extends z.ZodType>(item: T, max: number) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter((part) => part.length > 0) : value),
    z.array(item).max(max),
  );
}

/**
 * Which events an agency receives (CONTRACT.md, Events): by type, center and city. An empty list does not
 * filter; the center and city filters match only events about a center (application events have none).
 */
export const eventFilterShape = {
  types: listOf(z.enum(EVENT_TYPE_NAMES), EVENT_TYPE_NAMES.length)
    .default([])
    .describe('event types, e.g. tic.center.established,tic.evaluation.graded; empty for every type'),
  centerIds: listOf(z.uuid(), 500).default([]).describe('centers; empty for every center'),
  cityCodes: listOf(z.string().regex(/^\d{4}00$/, 'a city’s six-digit division code, e.g. 210100'), 20)
    .default([])
    .describe('cities by division code (GB/T 2260), e.g. 210100 for Shenyang; empty for every city'),
};
export const eventFilterSchema = z.object(eventFilterShape);
export type EventFilter = z.output<typeof eventFilterSchema>;

/** A position in the feed: digits, compared as integers (JSON numbers would lose them past 2^53). */
export const feedPosition = z.string().regex(/^\d{1,19}$/, 'a feed position (digits)');

export const feedEventSchema = z
  .looseObject({ id: z.string(), type: z.string(), subject: z.string(), time: z.string(), position: feedPosition })
  .describe('a CloudEvents 1.0 document with its position in the feed');

export const ListFeedEvents = defineRpc({
  service: 'notifications',
  operation: 'events.list',
  summary:
    'The platform’s events in the order they were recorded, after a position, filtered like a webhook subscription (agencies, DST)',
  request: z.object({
    after: feedPosition.default('0').describe('nextCursor of the previous page; 0 (or absent) for the beginning'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    ...eventFilterShape,
  }),
  response: z.object({
    events: z.array(feedEventSchema),
    nextCursor: feedPosition.describe('pass as `after` to read on; the same position when nothing new was there'),
  }),
});
