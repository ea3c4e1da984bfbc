import { z } from 'zod';

import { serviceNameSchema, type ServiceName } from '@tic/contracts';

import { ProblemException } from '../http/problem.exception';

/** Where a reader stands in each service's journal. */
export type JournalCursor = Partial<Record<ServiceName, string>>;

const cursorSchema = z.partialRecord(serviceNameSchema, z.string().regex(/^\d{1,20}$/));

/** The opaque cursor of GET /events: base64url JSON `{ service: position }`. */
export function encodeCursor(cursor: JournalCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** Reads a cursor; absent means from the beginning, a malformed one is a 400 on `after`. */
export function decodeCursor(value: string | undefined): JournalCursor {
  if (value === undefined || value === '') return {};
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw ProblemException.invalid([{ path: 'after', message: 'not a cursor returned by GET /events (nextCursor)' }]);
  }
}
