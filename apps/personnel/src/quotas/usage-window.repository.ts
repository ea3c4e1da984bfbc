import { EntityRepository } from '@mikro-orm/postgresql';

import type { UsageQuota } from './quota-window';
import type { UsageWindow } from './usage-window.entity';

// One statement, so that concurrent requests of one user cannot both pass the limit: the row's
// update takes its lock, and the condition is read again after it. No row back means refused.
// Its commit does not wait for the WAL to reach disk (synchronous_commit off for this transaction
// only): a count lost in a crash of Postgres lets a user a few more lines that day, while the flush
// would add milliseconds to every roster check.
const SPEND_SQL = `
  insert into personnel.usage_window as w (user_id, quota, day, used, last_used_at)
  select ?, ?, ?::date, ?, ?
    from (select set_config('synchronous_commit', 'off', true)) as unflushed
  on conflict (user_id, quota, day) do update
     set used = w.used + excluded.used, last_used_at = excluded.last_used_at
   where w.used + excluded.used <= ?
  returning w.used`;

/** The users' quota windows. */
export class UsageWindowRepository extends EntityRepository<UsageWindow> {
  /**
   * Spends `amount` of the user's quota for the day when it fits under `limit` (the caller checked
   * that `amount` alone does), committed at once whatever the request does next; false when it does not fit.
   */
  async spend(use: { userId: string; quota: UsageQuota; day: string; amount: number; limit: number; at: Date }) {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ used: number }[]>(SPEND_SQL, [use.userId, use.quota, use.day, use.amount, use.at, use.limit], 'all');
    return rows.length > 0;
  }
}
