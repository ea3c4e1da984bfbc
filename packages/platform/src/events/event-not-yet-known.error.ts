/**
 * Thrown by a handler when the event refers to something this service has not heard of yet (an
 * aggregate whose own events are still on their way). The event is retried soon, without using up
 * its budget of failures; nothing is dropped.
 */
export class EventNotYetKnownError extends Error {
  override readonly name = 'EventNotYetKnownError';
}
