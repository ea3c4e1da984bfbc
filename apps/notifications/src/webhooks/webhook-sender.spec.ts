import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { recordSpans, type SpanRecorder } from '@tic/platform/testing/spans';

import { sendWebhook } from './webhook-sender';

const COMMAND_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const COMMAND_SPAN = '00f067aa0ba902b7';

/** A receiver on a free port that keeps the headers of each POST. */
async function receiver(status: number): Promise<{ url: string; received: IncomingHttpHeaders[]; server: Server }> {
  const received: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    received.push(request.headers);
    request.resume();
    request.on('end', () => response.writeHead(status).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, server };
}

describe('a webhook continues the trace of the command that caused its event', () => {
  let recorder: SpanRecorder;
  beforeAll(() => {
    recorder = recordSpans('notifications');
  });
  afterAll(() => recorder.stop());

  it('sends the receiver a traceparent of a client span on the event’s trace', async () => {
    const { url, received, server } = await receiver(204);
    try {
      const body = JSON.stringify({ id: 'e1', traceparent: `00-${COMMAND_TRACE}-${COMMAND_SPAN}-01` });
      const outcome = await sendWebhook({ url, eventId: 'e1', body, secrets: ['whsec_dGVzdA=='] }, 5_000, new Date());
      expect(outcome.delivered).toBe(true);
      const span = (await recorder.spans()).find((s) => s.attributes['cloudevents.event_id'] === 'e1');
      expect(span?.spanContext().traceId).toBe(COMMAND_TRACE);
      expect(span?.parentSpanContext?.spanId).toBe(COMMAND_SPAN);
      expect(span?.attributes['http.response.status_code']).toBe(204);
      expect(received[0]?.traceparent).toBe(`00-${COMMAND_TRACE}-${span?.spanContext().spanId}-01`);
    } finally {
      server.close();
    }
  });
});
