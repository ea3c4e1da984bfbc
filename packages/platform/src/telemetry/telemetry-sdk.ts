import type { IncomingMessage } from 'node:http';

import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

import { OutboundOnlyPropagator } from './outbound-propagator';
import { sanitizeSql } from './sanitize-sql';
import { onTelemetryShutdown } from './telemetry-shutdown';
import type { TelemetrySettings } from './telemetry-settings';
import { parseTraceparent, TRACEPARENT } from './trace-context';

// Probes answer every few seconds: a trace each would bury the requests an operator looks for.
const UNTRACED_PATHS = new Set(['/health', '/metrics']);

let sdk: NodeSDK | undefined;

/**
 * Starts the OpenTelemetry SDK: HTTP server and client, Postgres (pg) and Redis (ioredis) spans,
 * W3C trace context, and the exporter the standard OTEL_* variables describe (OTLP by default).
 * Must run before anything loads `pg`, `ioredis` or `http`: the instrumentations patch them on load.
 * `spanProcessors` replaces the exporter from the environment (a test collecting spans in memory).
 */
export function startTelemetry(settings: TelemetrySettings, spanProcessors?: SpanProcessor[]): boolean {
  if (!settings.enabled || sdk) return false;
  sdk = new NodeSDK({
    ...(settings.serviceName ? { serviceName: settings.serviceName } : {}),
    ...(spanProcessors ? { spanProcessors } : {}),
    // Traces only: metrics are Prometheus's (/metrics) and logs go to stdout.
    metricReaders: [],
    logRecordProcessors: [],
    textMapPropagator: new OutboundOnlyPropagator(),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.has(pathOf(request.url)),
        startIncomingSpanHook: (request: IncomingMessage) => clientTraceAttributes(request),
      }),
      // Only inside a traced operation: the relay's and the dispatcher's polling would otherwise root a trace per query.
      new PgInstrumentation({
        requireParentSpan: true,
        requestHook: (span, { query }) => span.setAttribute('db.query.text', sanitizeSql(query.text)),
      }),
      // The command alone: keys and arguments name users, idempotency keys and cached bodies.
      new IORedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: (command) => command }),
    ],
  });
  sdk.start();
  const started = sdk;
  onTelemetryShutdown(async () => {
    sdk = undefined;
    await started.shutdown();
  });
  return true;
}

/** A client's own trace, kept on the span that does not continue it, so that the two can be matched up. */
function clientTraceAttributes(request: IncomingMessage): Record<string, string> {
  const header = request.headers[TRACEPARENT];
  const traceparent = Array.isArray(header) ? header[0] : header;
  return parseTraceparent(traceparent) ? { 'tic.client.traceparent': traceparent?.trim().toLowerCase() ?? '' } : {};
}

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}
