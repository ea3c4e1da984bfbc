import { ConnectionException, DeadlockException, LockWaitTimeoutException } from '@mikro-orm/core';

// SQLSTATEs that say "try again later", not "this event is wrong" (PostgreSQL appendix A).
const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
  '58000', // system_error
  '58030', // io_error
]);

const TRANSIENT_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);

// What pg, pg-pool and knex say when the server went away, in messages without a code.
const TRANSIENT_MESSAGE =
  /Connection terminated|connection timeout|Timeout acquiring a connection|terminating connection|database system is (starting up|shutting down|in recovery)|Client has encountered a connection error|Connection ended unexpectedly|not queryable|the database system is not yet accepting connections/i;

/**
 * Whether a failure is the database's (connection lost or refused, serialization failure, deadlock,
 * lock not available, shutdown): such an event is retried without counting against its budget.
 * Walks `cause` chains, since MikroORM and knex wrap the driver's error.
 */
export function isTransientFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || current === undefined || seen.has(current)) continue;
    seen.add(current);
    if (
      current instanceof ConnectionException ||
      current instanceof DeadlockException ||
      current instanceof LockWaitTimeoutException
    )
      return true;
    if (typeof current !== 'object') continue;
    const { code, message, cause, errors } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (
      typeof code === 'string' &&
      (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SOCKET_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
    )
      return true;
    if (typeof message === 'string' && TRANSIENT_MESSAGE.test(message)) return true;
    if (current instanceof Error && current.name === 'KnexTimeoutError') return true;
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...(errors as unknown[]));
  }
  return false;
}
