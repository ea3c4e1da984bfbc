import type { ServiceName } from './schemas';

/** The JetStream stream that keeps every domain event. */
export const EVENT_STREAM = 'TIC_EVENTS';

/** Every domain event subject starts here; commands and queries never do. */
export const EVENT_SUBJECT_PREFIX = 'tic.events';

/** Every request/reply subject starts here. */
export const RPC_SUBJECT_PREFIX = 'tic.rpc';

/** The subject filter of the whole event stream. */
export const ALL_EVENTS_SUBJECT = `${EVENT_SUBJECT_PREFIX}.>`;

/** `tic.center.established` → `tic.events.center.established`. */
export function eventSubject(type: string): string {
  if (!type.startsWith('tic.')) throw new RangeError(`event types start with "tic.", got ${type}`);
  return `${EVENT_SUBJECT_PREFIX}.${type.slice('tic.'.length)}`;
}

/** `tic.rpc.<service>.<operation>` */
export function rpcSubject(service: ServiceName, operation: string): string {
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/.test(operation)) {
    throw new RangeError(`an operation is lower-case words joined by dots, got ${operation}`);
  }
  return `${RPC_SUBJECT_PREFIX}.${service}.${operation}`;
}

/** The CloudEvents `source` of a service. */
export function eventSource(service: ServiceName): `/tic/${ServiceName}` {
  return `/tic/${service}`;
}
