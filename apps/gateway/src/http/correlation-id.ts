import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { HEADERS } from '@tic/platform';

const ACCEPTABLE = /^[\x21-\x7e]{1,128}$/;

/**
 * Fastify's request id: the caller's `x-correlation-id` when it is sane, else a new UUID. The value is
 * written back to the header so that pino-http (nestjs-pino) logs the same id on every line.
 */
export function correlationIdOf(request: IncomingMessage): string {
  const header = request.headers[HEADERS.correlationId];
  const id = typeof header === 'string' && ACCEPTABLE.test(header) ? header : randomUUID();
  request.headers[HEADERS.correlationId] = id;
  return id;
}
