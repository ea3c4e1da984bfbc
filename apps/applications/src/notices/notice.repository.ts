import { AggregateRepository } from '@tic/platform';

import { NoticeEntry } from './notice-entry.entity';
import type { Notice } from './notice.entity';

/** Public notices (A13(四)) and the applications each lists. */
export class NoticeRepository extends AggregateRepository<Notice> {
  /** One page of open notices (and ended ones on request), newest first. */
  page(includeEnded: boolean, cursor: string | undefined, limit: number): Promise<Notice[]> {
    return this.find(
      { ...(includeEnded ? {} : { status: 'open' }), ...(cursor ? { id: { $lt: cursor } } : {}) },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
  }

  /** Ids of the applications the notice lists. */
  async applicationIdsOf(noticeId: string): Promise<string[]> {
    return (await this.em.find(NoticeEntry, { noticeId })).map((e) => e.applicationId);
  }

  /** Whether the notice lists the application. */
  async lists(noticeId: string, applicationId: string): Promise<boolean> {
    return (await this.em.count(NoticeEntry, { noticeId, applicationId })) > 0;
  }

  /** The latest notice that listed the application, if any. */
  async latestFor(applicationId: string): Promise<Notice | null> {
    const entries = await this.em.find(NoticeEntry, { applicationId });
    if (entries.length === 0) return null;
    const [latest] = await this.find(
      { id: { $in: entries.map((e) => e.noticeId) } },
      { orderBy: { createdAt: 'desc' }, limit: 1 },
    );
    return latest ?? null;
  }
}
