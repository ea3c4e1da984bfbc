import type { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { currentCallContext } from '../context/call-context';
import { HEADERS } from '../rpc/rpc-headers';
import { traceLogFields } from '../telemetry/trace-context';
import { redactUrls } from './redact-url';

// Never logged: credentials, and any field that could hold an identity number.
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  `req.headers["${HEADERS.assertion}"]`,
  // Nothing logs bodies; should one ever be, a resident ID number anywhere near the top stays out.
  'idNumber',
  '*.idNumber',
  '*.*.idNumber',
  '*.rows[*].idNumber',
  '*.*.rows[*].idNumber',
  '*.residentId',
  '*.password',
];

/** Structured JSON logs with the correlation id and trace id (trace_id, span_id) of the current request on every line. */
export function loggingParams(service: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      redact: { paths: REDACT, censor: '[redacted]' },
      // A message naming a connection string (a driver's error, a URL logged by mistake) loses its credentials.
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactUrls(arg) : arg)) as typeof args);
        },
      },
      mixin: () => {
        const context = currentCallContext();
        return { ...(context ? { correlationId: context.correlationId } : {}), ...traceLogFields() };
      },
      genReqId: (req: IncomingMessage) => {
        const header = req.headers[HEADERS.correlationId];
        return typeof header === 'string' && header.length > 0 && header.length <= 128 ? header : randomUUID();
      },
      customAttributeKeys: { reqId: 'correlationId' },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/metrics' || req.url === '/health' },
    },
  };
}
