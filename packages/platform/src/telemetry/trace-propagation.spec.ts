import { context, trace } from '@opentelemetry/api';

import { runInCallContext } from '../context/call-context';
import { loggingParams } from '../logging/logging';
import { recordSpans, type SpanRecorder } from '../testing/span-recorder';
import { eventProcessSpan, eventPublishSpan, rpcClientSpan, rpcServerSpan } from './messaging-spans';
import { beginSpan, inSpan } from './spans';
import { currentTraceparent, injectTraceContext, traceLogFields } from './trace-context';

function headersOf(fn: (sink: { set(key: string, value: string): void }) => void): Record<string, string> {
  const headers: Record<string, string> = {};
  fn({ set: (key, value) => (headers[key] = value) });
  return headers;
}

type Mixin = () => Record<string, unknown>;

describe('trace context across NATS and events (the SDK on, spans in memory)', () => {
  let recorder: SpanRecorder;
  beforeAll(() => {
    recorder = recordSpans('unit');
  });
  afterAll(() => recorder.stop());
  beforeEach(() => {
    recorder.reset();
  });

  it('an RPC client span goes out as traceparent, and the handler’s span is its child', async () => {
    const subject = 'tic.rpc.applications.organizations.create';
    const headers = await inSpan(rpcClientSpan(subject), () =>
      Promise.resolve(
        headersOf((sink) => {
          injectTraceContext(sink);
        }),
      ),
    );
    await inSpan(rpcServerSpan(subject, headers.traceparent), () => Promise.resolve());
    const [client, server] = await recorder.spans();
    expect(client?.name).toBe('applications/organizations.create');
    expect(headers.traceparent).toBe(`00-${client?.spanContext().traceId}-${client?.spanContext().spanId}-01`);
    expect(server?.spanContext().traceId).toBe(client?.spanContext().traceId);
    expect(server?.parentSpanContext?.spanId).toBe(client?.spanContext().spanId);
    expect(server?.attributes).toMatchObject({ 'rpc.service': 'applications', 'rpc.method': 'organizations.create' });
  });

  it('an event keeps the traceparent of the span that recorded it; its consumer is a child of the publish, linked to the command', async () => {
    const recorded = await inSpan(rpcServerSpan('tic.rpc.applications.calls.open'), () =>
      Promise.resolve(currentTraceparent()),
    );
    const publish = beginSpan(eventPublishSpan('tic.events.call.opened', 'e1', recorded));
    const header = headersOf((sink) => {
      injectTraceContext(sink, trace.setSpan(context.active(), publish));
    });
    publish.end();
    await inSpan(
      eventProcessSpan({
        consumer: 'funding-calls',
        subject: 'tic.events.call.opened',
        eventId: 'e1',
        eventType: 'tic.call.opened',
        headerTraceparent: header.traceparent,
        eventTraceparent: recorded,
      }),
      () => Promise.resolve(),
    );
    const [command, published, processed] = await recorder.spans();
    const traceId = command?.spanContext().traceId;
    expect(recorded).toContain(command?.spanContext().spanId);
    expect(published?.spanContext().traceId).toBe(traceId);
    expect(published?.parentSpanContext?.spanId).toBe(command?.spanContext().spanId);
    expect(processed?.spanContext().traceId).toBe(traceId);
    expect(processed?.parentSpanContext?.spanId).toBe(published?.spanContext().spanId);
    expect(processed?.links.map((link) => link.context.spanId)).toEqual([command?.spanContext().spanId]);
  });

  it('a failure marks the span failed and still ends it', async () => {
    await expect(
      inSpan(rpcClientSpan('tic.rpc.funding.ledger.get'), () => Promise.reject(new Error('no answer'))),
    ).rejects.toThrow('no answer');
    const [span] = await recorder.spans();
    expect(span?.status).toEqual({ code: 2, message: 'no answer' });
  });

  it('puts the active span’s trace_id and span_id on every log line, next to the correlation id', async () => {
    const mixin = (loggingParams('unit', 'info').pinoHttp as { mixin: Mixin }).mixin;
    const fields = await runInCallContext({ correlationId: 'c-1' }, () =>
      inSpan(rpcServerSpan('tic.rpc.personnel.people.get'), (span) =>
        Promise.resolve({ logged: mixin(), ids: span.spanContext() }),
      ),
    );
    expect(fields.logged).toEqual({ correlationId: 'c-1', trace_id: fields.ids.traceId, span_id: fields.ids.spanId });
  });
});

describe('log lines without an active span', () => {
  it('carry the ids of the traceparent the request arrived with, and nothing without one', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(runInCallContext({ correlationId: 'c-2', traceparent }, traceLogFields)).toEqual({
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: '00f067aa0ba902b7',
    });
    expect(runInCallContext({ correlationId: 'c-3' }, traceLogFields)).toEqual({});
  });
});
