import {
  context,
  type Context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  trace,
  type SpanContext,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

import { currentCallContext } from '../context/call-context';

export const TRACEPARENT = 'traceparent';
const TRACESTATE = 'tracestate';

/** Something headers can be written into: NATS headers, or a plain object. */
export interface HeaderSink {
  set(key: string, value: string): void;
}

const sinkSetter: TextMapSetter<HeaderSink> = {
  set: (carrier, key, value) => {
    carrier.set(key, value);
  },
};

// Not the global propagator, which reads no incoming HTTP (outbound-propagator.ts): NATS headers and events
// come from the platform's own processes, and their context is continued.
const platformPropagator = new W3CTraceContextPropagator();

const recordGetter: TextMapGetter<Readonly<Record<string, string | undefined>>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

/** Writes `ctx` (the active context by default) as `traceparent`/`tracestate`; nothing when tracing is off. */
export function injectTraceContext(sink: HeaderSink, ctx: Context = context.active()): void {
  propagation.inject(ctx, sink, sinkSetter);
}

/** The context a `traceparent` (from a header or an event) names, as a parent for new spans. */
export function extractTraceContext(traceparent: string | undefined, tracestate?: string): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return platformPropagator.extract(
    ROOT_CONTEXT,
    { [TRACEPARENT]: traceparent, [TRACESTATE]: tracestate },
    recordGetter,
  );
}

/**
 * The `traceparent` of the work in progress: the active span's when tracing is on, else the one the RPC
 * arrived with from another of the platform's processes (the gateway forwards none of a client's).
 */
export function currentTraceparent(): string | undefined {
  return activeTraceHeaders()[TRACEPARENT] ?? currentCallContext()?.traceparent;
}

/** trace_id and span_id for a log line: the active span's, else those of the request's `traceparent`. */
export function traceLogFields(): { trace_id?: string; span_id?: string } {
  const active = trace.getActiveSpan()?.spanContext();
  const spanContext =
    active && isSpanContextValid(active) ? active : parseTraceparent(currentCallContext()?.traceparent);
  return spanContext ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
}

const TRACEPARENT_FORMAT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A W3C `traceparent` read without the SDK (which is off in most local runs). */
export function parseTraceparent(traceparent: string | undefined): SpanContext | undefined {
  const match = TRACEPARENT_FORMAT.exec(traceparent?.trim().toLowerCase() ?? '');
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  const spanContext: SpanContext = {
    traceId: match[1],
    spanId: match[2],
    traceFlags: parseInt(match[3], 16),
    isRemote: true,
  };
  return isSpanContextValid(spanContext) ? spanContext : undefined;
}

/** `traceparent` (and `tracestate`) of the active span, for an outgoing HTTP request; empty when tracing is off. */
export function activeTraceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  injectTraceContext({ set: (key, value) => (headers[key] = value) });
  return headers;
}

/** The `traceparent` an event document (JSON) carries, if any. */
export function eventTraceparent(document: string): string | undefined {
  try {
    const parsed = JSON.parse(document) as { traceparent?: unknown };
    return typeof parsed.traceparent === 'string' ? parsed.traceparent : undefined;
  } catch {
    return undefined;
  }
}
