import type { JetStreamManager } from '@nats-io/jetstream';

import { EVENT_STREAM } from '@tic/contracts';

import { isNoMessage } from './stream-lookup';

export interface StreamInventory {
  /** Event id (Nats-Msg-Id) → the stream sequences holding it, in stream order. */
  readonly sequences: ReadonlyMap<string, readonly number[]>;
  /** Messages without a Nats-Msg-Id (published by no relay). */
  readonly unnamed: number;
  readonly messages: number;
}

/**
 * Reads every message id TIC_EVENTS holds, one stored message at a time (the services' NATS users
 * may read single messages, not create consumers of their own choosing): what a rebuild compares
 * with the journals.
 */
export async function takeStreamInventory(jsm: JetStreamManager): Promise<StreamInventory> {
  const info = await jsm.streams.info(EVENT_STREAM);
  const sequences = new Map<string, number[]>();
  let unnamed = 0;
  if (info.state.messages === 0) return { sequences, unnamed, messages: 0 };
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    const message = await jsm.streams.getMessage(EVENT_STREAM, { seq }).catch((error: unknown) => {
      // A message removed from the middle of the stream leaves a gap in its sequences.
      if (isNoMessage(error)) return null;
      throw error;
    });
    if (!message) continue;
    const id = message.header.get('Nats-Msg-Id');
    if (!id) {
      unnamed++;
      continue;
    }
    const held = sequences.get(id) ?? [];
    held.push(message.seq);
    sequences.set(id, held);
  }
  return { sequences, unnamed, messages: info.state.messages };
}
