import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

import type { Role } from '@tic/domain';

/** The signed-in user a request acts for, from the gateway's verified token. */
export interface Caller {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly orgId: string;
}

/** What travels with one request across HTTP, NATS and the events it causes. */
export interface CallContext {
  readonly correlationId: string;
  readonly caller?: Caller;
  readonly traceparent?: string;
  readonly idempotencyKey?: string;
  readonly locale?: 'zh' | 'en';
}

const storage = new AsyncLocalStorage<CallContext>();

/** Runs `fn` with the given call context visible to everything it calls. */
export function runInCallContext<T>(context: CallContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The call context of the current request, if any. */
export function currentCallContext(): CallContext | undefined {
  return storage.getStore();
}

/** A new correlation id for work that no request started (a deadline, a relay pass). */
export function newCorrelationId(): string {
  return randomUUID();
}
