import type { EntityManager } from '@mikro-orm/core';

import type { CloudEvent } from '@tic/contracts';
import { type ResourceFacts, sees } from '@tic/domain';

import { requireAccess } from '../access/require-access';
import type { Caller } from '../context/call-context';

import { OutboxEvent } from './outbox-event.entity';

export interface JournalBacklog {
  /** Committed events the relay has not published yet (including those it gave up on). */
  readonly unpublished: number;
  /** How long the oldest of them has waited, by the service's clock (0 when none). */
  readonly lagMs: number;
}

export interface JournalPage {
  readonly events: readonly (CloudEvent & { readonly position: string })[];
  /** The position to ask `after` next; unchanged when nothing new was there. */
  readonly next: string;
  /** Lets a reader (the gateway) tell a service whose relay is stuck from one with nothing new. */
  readonly backlog: JournalBacklog;
}

/**
 * Reads the service's event journal after a position, in publication order (agencies' catch-up
 * read). A position is given once, at first publication, and kept when the relay publishes an event
 * again after a NATS loss, so a reader never sees an event twice or skips one. Only a caller the
 * policy lets read journals (`journal.read`: DST, the committee office) may; others get `journal.not_a_reader`.
 * An event whose `factsOf` names a resource is given only to a reader who sees that resource (the
 * committee office reads no application before its approval, DOMAIN.md §1); the position moves past it.
 */
export async function readJournal(
  em: EntityManager,
  caller: Caller,
  after: string,
  limit: number,
  factsOf: (event: CloudEvent) => ResourceFacts | undefined = () => undefined,
): Promise<JournalPage> {
  requireAccess(caller, 'journal.read', { kind: 'journal' });
  const [rows, unpublished, oldest] = await Promise.all([
    em.find(OutboxEvent, { position: { $gt: after } }, { orderBy: { position: 'asc' }, limit }),
    em.count(OutboxEvent, { publishedAt: null }),
    em.findOne(OutboxEvent, { publishedAt: null }, { orderBy: { seq: 'asc' }, fields: ['createdAt'] }),
  ]);
  const events = rows
    .filter((row) => {
      const facts = factsOf(row.document);
      return facts === undefined || sees(caller, facts);
    })
    .map((row) => ({ ...row.document, position: row.position ?? '0' }));
  const lagMs = oldest ? Math.max(0, Date.now() - oldest.createdAt.getTime()) : 0;
  return { events, next: rows.at(-1)?.position ?? after, backlog: { unpublished, lagMs } };
}
