/** An aggregate whose events are numbered 1, 2, 3… (CloudEvents `aggregateversion`). */
export interface EventSourcedAggregate {
  eventVersion: number;
}

/**
 * The number of the aggregate's next event. Kept apart from the row version (optimistic locking),
 * which also moves on changes that publish nothing, so that consumers see no gaps.
 */
export function nextEventVersion(aggregate: EventSourcedAggregate): number {
  aggregate.eventVersion += 1;
  return aggregate.eventVersion;
}
