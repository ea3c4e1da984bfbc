import type { Context, TextMapPropagator, TextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * The process-wide propagator: W3C trace context goes out with outgoing HTTP (a webhook POST) but is never
 * read from incoming HTTP. The gateway faces the internet: a client's `traceparent` would pick the trace the
 * platform's work joins and, under a parent-based sampler, whether it is sampled at all. The gateway starts
 * its own trace and records the client's on its span (`tic.client.traceparent`). NATS headers and events are
 * read by `extractTraceContext`, which does not go through this propagator.
 */
export class OutboundOnlyPropagator implements TextMapPropagator {
  private readonly w3c = new W3CTraceContextPropagator();

  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    this.w3c.inject(context, carrier, setter);
  }

  extract(context: Context): Context {
    return context;
  }

  fields(): string[] {
    return this.w3c.fields();
  }
}
