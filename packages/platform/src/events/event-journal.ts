import type { EntityManager } from '@mikro-orm/core';

import type { CloudEvent } from '@tic/contracts';

import { OutboxEvent } from './outbox-event.entity';

export interface JournalPage {
  readonly events: readonly (CloudEvent & { readonly position: string })[];
  /** The position to ask `after` next; unchanged when nothing new was there. */
  readonly next: string;
}

/** Reads the service's event journal after a position, in publication order (agencies' catch-up read). */
export async function readJournal(em: EntityManager, after: string, limit: number): Promise<JournalPage> {
  const rows = await em.find(
    OutboxEvent,
    { position: { $gt: after } },
    { orderBy: { position: 'asc' }, limit },
  );
  const events = rows.map((row) => ({ ...row.document, position: row.position ?? '0' }));
  return { events, next: rows.at(-1)?.position ?? after };
}
