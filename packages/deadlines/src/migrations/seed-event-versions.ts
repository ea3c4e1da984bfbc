/**
 * SQL that carries a deadline's event numbering over from its journal: deadlines scheduled before
 * `event_version` existed got 0, so their next event would have restarted at aggregateversion 1,
 * below what consumers have already applied (and ignored as old). Each deadline continues from the
 * highest aggregateversion its events hold in the service's outbox. Idempotent: it never lowers a number.
 */
export function seedDeadlineEventVersionsSql(schema: string): string {
  return `update "${schema}"."deadline" d
     set event_version = journal.version
    from (select subject, max(aggregate_version) as version
            from "${schema}"."outbox_event"
           where type like 'tic.deadline.%'
           group by subject) journal
   where journal.subject = d.id and d.event_version < journal.version;`;
}
