import { parseEvent, type TicEvent } from '@tic/contracts';

import type { ParkedMessage } from './event-applier';

export interface ParsedMessage {
  readonly event?: TicEvent;
  readonly errors: readonly { path: string; message: string }[];
  readonly identity: Pick<ParkedMessage, 'eventId' | 'aggregateId' | 'aggregateVersion'>;
}

// What can be read of a message even when it breaks its contract: a parked version must still hold back its successors.
export function parseMessage(payload: string): ParsedMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return {
      errors: [{ path: '', message: 'not JSON' }],
      identity: { eventId: null, aggregateId: null, aggregateVersion: null },
    };
  }
  const fields = (typeof raw === 'object' && raw !== null ? raw : {}) as {
    id?: unknown;
    subject?: unknown;
    aggregateversion?: unknown;
  };
  const identity = {
    eventId: typeof fields.id === 'string' ? fields.id : null,
    aggregateId: typeof fields.subject === 'string' ? fields.subject : null,
    aggregateVersion:
      typeof fields.aggregateversion === 'number' && Number.isInteger(fields.aggregateversion)
        ? fields.aggregateversion
        : null,
  };
  const parsed = parseEvent(raw);
  return parsed.ok ? { event: parsed.event, errors: [], identity } : { errors: parsed.errors, identity };
}
