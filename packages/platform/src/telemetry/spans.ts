import {
  context,
  type Context,
  type Link,
  type Span,
  type SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
} from '@opentelemetry/api';
import { Observable } from 'rxjs';

const tracer = () => trace.getTracer('@tic/platform');

export interface SpanStart {
  readonly name: string;
  readonly kind: SpanKind;
  readonly attributes: Attributes;
  /** The parent; the active context when absent. */
  readonly parent?: Context;
  readonly links?: Link[];
}

/** Runs `fn` with a new span active; the span ends when `fn` settles and records its failure. */
export function inSpan<T>(start: SpanStart, fn: (span: Span) => Promise<T>): Promise<T> {
  const span = beginSpan(start);
  return context.with(trace.setSpan(start.parent ?? context.active(), span), () =>
    fn(span).then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        failSpan(span, error);
        span.end();
        throw error;
      },
    ),
  );
}

/** Subscribes to what `subscribe` builds with a new span active, ending it when the stream ends. */
export function observeInSpan<T>(start: SpanStart, source: () => Observable<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const span = beginSpan(start);
    const subscription = context.with(trace.setSpan(start.parent ?? context.active(), span), () =>
      source().subscribe({
        next: (value) => {
          subscriber.next(value);
        },
        error: (error: unknown) => {
          failSpan(span, error);
          span.end();
          subscriber.error(error);
        },
        complete: () => {
          span.end();
          subscriber.complete();
        },
      }),
    );
    return () => {
      subscription.unsubscribe();
      // A caller that stops listening (a timeout) still closes the span; end() is idempotent in effect.
      if (span.isRecording()) span.end();
    };
  });
}

/** Starts a span the caller ends (a publish whose acknowledgement arrives later). */
export function beginSpan(start: SpanStart): Span {
  return tracer().startSpan(
    start.name,
    { kind: start.kind, attributes: start.attributes, ...(start.links ? { links: start.links } : {}) },
    start.parent ?? context.active(),
  );
}

/** Marks the span failed with the error's message. */
export function failSpan(span: Span, error: unknown): void {
  if (error instanceof Error) span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/**
 * Names the active HTTP server span after the route it matched (`POST /api/v1/centers/:id`), which
 * the HTTP instrumentation cannot know, and notes the correlation id that joins it to the logs.
 */
export function nameHttpServerSpan(method: string, route: string | undefined, correlationId: string): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.setAttribute('tic.correlation_id', correlationId);
  if (!route) return;
  span.setAttribute('http.route', route);
  span.updateName(`${method} ${route}`);
}

export type { Span as TraceSpan } from '@opentelemetry/api';
