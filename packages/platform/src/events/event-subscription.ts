import type { EntityManager } from '@mikro-orm/postgresql';

import type { EventType, TicEvent } from '@tic/contracts';

/** The event document of one type (immich's `ArgOf<'asset.trash'>`). */
export type EventOf<T extends EventType> = Extract<TicEvent, { type: T }>;

/** `tic.public_notice.started` → `public_notice`. */
export type AggregateOf<T extends string> = T extends `tic.${infer A}.${string}` ? A : never;

/** Every aggregate that has events. */
export type EventAggregate = AggregateOf<EventType>;

/** The event types of one aggregate: what its durable consumer (`tic.events.<aggregate>.>`) receives. */
export type AggregateEventType<A extends EventAggregate> = Extract<EventType, `tic.${A}.${string}`>;

/** Applies one event inside the transaction that advances the consumer's version of the aggregate. */
export type EventHandler<T extends EventType> = (em: EntityManager, event: EventOf<T>) => Promise<void>;

/**
 * One entry per event type of the aggregate: a handler, or `'ignore'` for a type that only advances
 * the version. Exhaustive, so that a new event type of the aggregate is a compile error here.
 */
export type EventHandlers<A extends EventAggregate> = {
  readonly [T in AggregateEventType<A>]: EventHandler<T> | 'ignore';
};

export interface SubscriptionDefinition<A extends EventAggregate> {
  /** Short name; the durable consumer and the inbox are named `<service>-<name>`. */
  readonly name: string;
  readonly aggregate: A;
  readonly on: EventHandlers<A>;
}

/** A subscription as the consumer runs it: the types erased behind one dispatching `handle`. */
export interface EventSubscription {
  readonly name: string;
  readonly aggregate: EventAggregate;
  /** The types that have a handler (the others only advance the version). */
  readonly handles: readonly EventType[];
  handle(em: EntityManager, event: TicEvent): Promise<void>;
}

/**
 * Declares what a service does with the events of one aggregate; each handler receives its own
 * event type, inferred:
 * `defineSubscription({ name: 'center-registry', aggregate: 'center', on: { 'tic.center.renamed': (em, e) => … } })`.
 */
export function defineSubscription<const A extends EventAggregate>(
  definition: SubscriptionDefinition<A>,
): EventSubscription {
  const handlers = new Map<string, (em: EntityManager, event: TicEvent) => Promise<void>>();
  for (const [type, handler] of Object.entries(definition.on) as [string, EventHandler<never> | 'ignore'][]) {
    if (!type.startsWith(`tic.${definition.aggregate}.`)) {
      throw new RangeError(`${definition.name}: ${type} is not an event of ${definition.aggregate}`);
    }
    // The mapped type pairs each key with the handler of that type; the event's own `type` picks it.
    if (handler !== 'ignore') handlers.set(type, handler as (em: EntityManager, event: TicEvent) => Promise<void>);
  }
  return {
    name: definition.name,
    aggregate: definition.aggregate,
    handles: [...handlers.keys()] as EventType[],
    handle: async (em, event) => {
      await handlers.get(event.type)?.(em, event);
    },
  };
}
