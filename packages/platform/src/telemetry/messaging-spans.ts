import { type Link, SpanKind, trace } from '@opentelemetry/api';

import type { SpanStart } from './spans';
import { extractTraceContext } from './trace-context';

// Attribute names of the OpenTelemetry semantic conventions (RPC, messaging); NATS has no registered value.
const NATS = 'nats';

/** `tic.rpc.<service>.<method...>` → service and method, as RPC spans name them. */
function rpcParts(subject: string): { service: string; method: string } {
  const [, , service = subject, ...method] = subject.split('.');
  return { service, method: method.join('.') || subject };
}

function rpcAttributes(subject: string) {
  const { service, method } = rpcParts(subject);
  return {
    'rpc.system': NATS,
    'rpc.service': service,
    'rpc.method': method,
    'messaging.system': NATS,
    'messaging.destination.name': subject,
  };
}

/** The caller's side of a NATS request/reply; its context goes out as `traceparent`. */
export function rpcClientSpan(subject: string): SpanStart {
  const { service, method } = rpcParts(subject);
  return { name: `${service}/${method}`, kind: SpanKind.CLIENT, attributes: rpcAttributes(subject) };
}

/** The handler's side: a child of the caller's span when the request carried its `traceparent`. */
export function rpcServerSpan(subject: string, traceparent?: string, tracestate?: string): SpanStart {
  const { service, method } = rpcParts(subject);
  return {
    name: `${service}/${method}`,
    kind: SpanKind.SERVER,
    attributes: rpcAttributes(subject),
    parent: extractTraceContext(traceparent, tracestate),
  };
}

/** The relay's publication of an event: continues the trace of the command that recorded it. */
export function eventPublishSpan(subject: string, eventId: string, eventTraceparent?: string): SpanStart {
  return {
    name: `publish ${subject}`,
    kind: SpanKind.PRODUCER,
    attributes: {
      'messaging.system': NATS,
      'messaging.operation.type': 'send',
      'messaging.operation.name': 'publish',
      'messaging.destination.name': subject,
      'messaging.message.id': eventId,
    },
    parent: extractTraceContext(eventTraceparent),
  };
}

export interface ConsumedEvent {
  readonly consumer: string;
  readonly subject: string;
  readonly eventId: string;
  readonly eventType: string;
  /** From the message's headers: the relay's publish span. */
  readonly headerTraceparent?: string;
  /** From the event document: the command that recorded it. */
  readonly eventTraceparent?: string;
}

/**
 * A consumer's handling of one event: a child of the publish span (else of the command), and linked
 * to the command, so that the trace of a command shows every consumer its events reached.
 */
export function eventProcessSpan(event: ConsumedEvent): SpanStart {
  const parent = extractTraceContext(event.headerTraceparent ?? event.eventTraceparent);
  const command = trace.getSpanContext(extractTraceContext(event.eventTraceparent));
  const links: Link[] = command ? [{ context: command }] : [];
  return {
    name: `process ${event.subject}`,
    kind: SpanKind.CONSUMER,
    attributes: {
      'messaging.system': NATS,
      'messaging.operation.type': 'process',
      'messaging.destination.name': event.subject,
      'messaging.consumer.group.name': event.consumer,
      'messaging.message.id': event.eventId,
      'cloudevents.event_type': event.eventType,
    },
    parent,
    links,
  };
}

/** A webhook POST to a receiver, on the trace of the event it delivers. */
export function webhookSendSpan(url: string, eventId: string, eventTraceparent?: string): SpanStart {
  return {
    name: 'POST',
    kind: SpanKind.CLIENT,
    // The host only: a receiver's URL may carry a token in its path or query.
    attributes: { 'http.request.method': 'POST', 'server.address': hostOf(url), 'cloudevents.event_id': eventId },
    parent: extractTraceContext(eventTraceparent),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
