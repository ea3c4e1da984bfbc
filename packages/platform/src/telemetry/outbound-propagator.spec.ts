import {
  context,
  type TextMapPropagator,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  trace,
  TraceFlags,
} from '@opentelemetry/api';

import { OutboundOnlyPropagator } from './outbound-propagator';
import { extractTraceContext } from './trace-context';

const CLIENT = `00-${'ab'.repeat(16)}-${'cd'.repeat(8)}-01`;

describe('the trust boundary of trace context', () => {
  // As the SDK holds it: through the interface, whose extract takes the carrier it ignores.
  const propagator: TextMapPropagator = new OutboundOnlyPropagator();

  it('writes the active span into an outgoing request', () => {
    const parent = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '12'.repeat(16),
      spanId: '34'.repeat(8),
      traceFlags: TraceFlags.SAMPLED,
    });
    const headers: Record<string, string> = {};
    propagator.inject(parent, headers, defaultTextMapSetter);
    expect(headers.traceparent).toBe(`00-${'12'.repeat(16)}-${'34'.repeat(8)}-01`);
  });

  it('reads nothing from an incoming request: the platform starts its own trace', () => {
    const extracted = propagator.extract(context.active(), { traceparent: CLIENT }, defaultTextMapGetter);
    expect(trace.getSpanContext(extracted)).toBeUndefined();
  });

  it('still continues the trace its own processes send over NATS and in events', () => {
    expect(trace.getSpanContext(extractTraceContext(CLIENT))?.traceId).toBe('ab'.repeat(16));
  });
});
