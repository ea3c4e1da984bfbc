import type { z } from 'zod';

import type { CloudEvent, EventDefinition } from './define-event';
import * as application from './events/application.events';
import * as calendar from './events/calendar.events';
import * as center from './events/center.events';
import * as deadline from './events/deadline.events';
import * as evaluation from './events/evaluation.events';
import * as funding from './events/funding.events';
import * as organization from './events/organization.events';
import * as personnel from './events/personnel.events';
import * as revocation from './events/revocation.events';

/**
 * Every domain event type of the platform, sorted by type so that the order (and the generated
 * AsyncAPI document) does not depend on how a compiler lays out module exports.
 */
export const EVENT_DEFINITIONS = [
  ...Object.values(application),
  ...Object.values(center),
  ...Object.values(organization),
  ...Object.values(personnel),
  ...Object.values(evaluation),
  ...Object.values(funding),
  ...Object.values(deadline),
  ...Object.values(calendar),
  ...Object.values(revocation),
].sort((a, b) => a.type.localeCompare(b.type));

type Definitions = typeof EVENT_DEFINITIONS;
type AnyDefinition = Definitions[number];

/** The type names of all events. */
export type EventType = AnyDefinition['type'];

type DefinitionOf<T extends EventType> = Extract<AnyDefinition, { type: T }>;

/** The `data` of one event type, as consumers receive it. */
export type EventData<T extends EventType> = z.output<DefinitionOf<T>['data']>;

/** Any event document of the catalogue, discriminated by `type`. */
export type TicEvent = { [T in EventType]: CloudEvent<T, EventData<T>> }[EventType];

const byType = new Map<string, EventDefinition>(EVENT_DEFINITIONS.map((d) => [d.type, d]));

/** The definition of an event type, if the catalogue has it. */
export function eventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}

/** A field of an event that breaks its schema. */
export interface ContractViolation {
  readonly path: string;
  readonly message: string;
}

export type ParsedEvent =
  | { readonly ok: true; readonly event: TicEvent }
  | { readonly ok: false; readonly errors: readonly ContractViolation[] };

/** Validates a received event document against the catalogue; a consumer parks what fails. */
export function parseEvent(raw: unknown): ParsedEvent {
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? raw.type : undefined;
  const definition = typeof type === 'string' ? byType.get(type) : undefined;
  if (definition === undefined) {
    return { ok: false, errors: [{ path: 'type', message: `unknown event type ${JSON.stringify(type)}` }] };
  }
  const result = definition.envelope.safeParse(raw);
  if (!result.success) {
    return { ok: false, errors: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  }
  return { ok: true, event: result.data as TicEvent };
}
