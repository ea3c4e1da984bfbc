import type { JetStreamManager, MsgRequest } from '@nats-io/jetstream';

import { EVENT_STREAM } from '@tic/contracts';

/** Messages a lookup may read in one reconciliation: it runs inside the relay's transaction. */
export class LookupBudget {
  constructor(public left: number) {}
}

export interface SubjectWalk {
  /** Event id → stream sequence, for the wanted events met on the way. */
  readonly found: Map<string, number>;
  /** Whether the walk reached the subject's last message (false when the budget ran out first). */
  readonly complete: boolean;
  /** Where a later walk of the same subject would go on. */
  readonly next: number;
}

/**
 * Walks TIC_EVENTS forward on one subject from a sequence (`next_by_subj`: the server skips the
 * other subjects, so other services' events cost nothing), matching Nats-Msg-Id against the wanted
 * event ids. Stops when all were found, at the end, or when the budget is spent.
 */
export async function walkSubject(
  jsm: JetStreamManager,
  subject: string,
  from: number,
  wanted: ReadonlySet<string>,
  budget: LookupBudget,
): Promise<SubjectWalk> {
  const found = new Map<string, number>();
  let seq = from;
  while (found.size < wanted.size) {
    if (budget.left <= 0) return { found, complete: false, next: seq };
    budget.left--;
    // The client's type leaves out next_by_subj, which nats-server has answered since 2.9.
    const query = { seq, next_by_subj: subject } as unknown as MsgRequest;
    const message = await jsm.streams.getMessage(EVENT_STREAM, query).catch((error: unknown) => {
      if (isNoMessage(error)) return null;
      throw error;
    });
    if (!message) return { found, complete: true, next: seq };
    const id = message.header.get('Nats-Msg-Id');
    if (id && wanted.has(id)) found.set(id, message.seq);
    seq = message.seq + 1;
  }
  return { found, complete: true, next: seq };
}

export function isNoMessage(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 10037;
}
