import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import { errors as natsErrors, RequestError } from '@nats-io/transport-node';

/**
 * What a failed publication means for the relay:
 * - `stream_missing`: nobody stores `tic.events.>` (the stream was deleted, or NATS came back
 *   without it): re-create the stream, reconcile, go on. Never held against the event.
 * - `transient`: a timeout or a lost connection; try again at the next pass, nothing counted.
 * - `refused`: JetStream answered with an error about this message; counted, given up on after
 *   the relay's maxAttempts.
 * - `permanent`: this message can never be stored as it is (over a size limit); given up on at once.
 */
export type PublishFailureKind = 'stream_missing' | 'transient' | 'refused' | 'permanent';

// nats-server's JSStreamMessageExceedsMaximumErr: over the stream's max_msg_size.
const MESSAGE_EXCEEDS_MAXIMUM = 10054;

export function classifyPublishFailure(error: unknown): PublishFailureKind {
  if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound) return 'stream_missing';
  if (error instanceof RequestError && error.isNoResponders()) return 'stream_missing';
  if (error instanceof JetStreamApiError) return error.code === MESSAGE_EXCEEDS_MAXIMUM ? 'permanent' : 'refused';
  if (error instanceof natsErrors.InvalidArgumentError && /max_payload/.test(error.message)) return 'permanent';
  return 'transient';
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
