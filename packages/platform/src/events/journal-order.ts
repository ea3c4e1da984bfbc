/** A journal row as the rebuild orders it: which service's journal, and where in it. */
export interface JournalEntry {
  readonly service: string;
  readonly seq: string;
  readonly eventId: string;
  readonly type: string;
  readonly position: string;
  /** When the service committed the event: the order between services' journals. */
  readonly createdAt: Date;
}

/**
 * Interleaves the services' journals, each already in position order, into the one order a rebuilt
 * stream gets: each service's events stay in their journal order (consumers rely on it per
 * aggregate), and between services the event committed first goes first, so an event that reacted
 * to another service's event (committed after it) comes after it.
 */
export function interleaveJournals(journals: readonly (readonly JournalEntry[])[]): JournalEntry[] {
  const next = journals.map(() => 0);
  const merged: JournalEntry[] = [];
  for (;;) {
    let pick = -1;
    for (const [index, journal] of journals.entries()) {
      const head = journal[next[index] ?? 0];
      if (head === undefined) continue;
      const best = pick === -1 ? undefined : journals[pick]?.[next[pick] ?? 0];
      if (best === undefined || head.createdAt.getTime() < best.createdAt.getTime()) pick = index;
    }
    if (pick === -1) return merged;
    const head = journals[pick]?.[next[pick] ?? 0];
    if (head) merged.push(head);
    next[pick] = (next[pick] ?? 0) + 1;
  }
}

/**
 * Splits an ordered list into runs of one service's consecutive events: a run goes out on that
 * service's connection without waiting between messages (one connection keeps its order), and the
 * next run waits for the acknowledgements of the one before.
 */
export function runsOf(entries: readonly JournalEntry[], maxRun: number): JournalEntry[][] {
  const runs: JournalEntry[][] = [];
  for (const entry of entries) {
    const last = runs.at(-1);
    if (last !== undefined && last[0]?.service === entry.service && last.length < maxRun) last.push(entry);
    else runs.push([entry]);
  }
  return runs;
}
