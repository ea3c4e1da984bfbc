import { EntityRepository } from '@mikro-orm/postgresql';

import type { HistoryEntry } from './history-entry.entity';

/** An aggregate's history as its commands wrote it (CommandScope.history), oldest step first. */
export class HistoryReader extends EntityRepository<HistoryEntry> {
  /** The steps of one aggregate, in the order of the versions they produced. */
  of(aggregateType: string, aggregateId: string): Promise<HistoryEntry[]> {
    return this.find({ aggregateType, aggregateId }, { orderBy: { aggregateVersion: 'asc', at: 'asc', id: 'asc' } });
  }
}
