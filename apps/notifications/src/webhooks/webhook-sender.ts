import { performance } from 'node:perf_hooks';

import { activeTraceHeaders, eventTraceparent, failSpan, inSpan, type TraceSpan, webhookSendSpan } from '@tic/platform';

import { webhookSignature } from './webhook-signature';

/** What one POST to a receiver came to. */
export interface AttemptOutcome {
  readonly delivered: boolean;
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly error: string | null;
}

export interface OutgoingDelivery {
  readonly url: string;
  readonly eventId: string;
  readonly body: string;
  /** The current secret first, then the one before a rotation while it is still valid. */
  readonly secrets: readonly string[];
}

/**
 * POSTs one event as Standard Webhooks asks: `webhook-id` (the event id, for the receiver to
 * de-duplicate), `webhook-timestamp` (seconds), `webhook-signature`. Redirects are not followed: a
 * receiver could otherwise send the platform's request somewhere the URL checks never saw.
 */
export function sendWebhook(delivery: OutgoingDelivery, timeoutMs: number, now: Date): Promise<AttemptOutcome> {
  // On the trace of the command that caused the event: the receiver gets its `traceparent`.
  const span = webhookSendSpan(delivery.url, delivery.eventId, eventTraceparent(delivery.body));
  return inSpan(span, (active) => post(delivery, timeoutMs, now, active));
}

async function post(
  delivery: OutgoingDelivery,
  timeoutMs: number,
  now: Date,
  span: TraceSpan,
): Promise<AttemptOutcome> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        ...activeTraceHeaders(),
        'content-type': 'application/json',
        'user-agent': 'TIC-Webhooks/1',
        'webhook-id': delivery.eventId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': webhookSignature(delivery.secrets, delivery.eventId, timestamp, delivery.body),
      },
      body: delivery.body,
    });
    // The answer's body means nothing to the platform; dropping it frees the connection.
    await response.body?.cancel().catch(() => undefined);
    const delivered = response.status >= 200 && response.status < 300;
    span.setAttribute('http.response.status_code', response.status);
    if (!delivered) failSpan(span, `HTTP ${response.status}`);
    return {
      delivered,
      statusCode: response.status,
      durationMs: elapsed(),
      error: delivered ? null : `HTTP ${response.status}`,
    };
  } catch (error) {
    return { delivered: false, statusCode: null, durationMs: elapsed(), error: describeFailure(error, timeoutMs) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
