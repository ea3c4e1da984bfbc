import type { Pool } from 'pg';

import type { EventSubscriber } from './event-subscriber';
import { DIRECTORY_SCHEMAS } from './checks';
import { LOAD_SERVICES } from './load-world';

/**
 * Waits until the platform has settled after the load: every journal row published, the subscriber
 * and the notifications feed holding as many events as the stream, every center in every directory,
 * every preparation deadline due by the moved clock out of `pending`. Gives up after `timeoutMs`, saying what was still outstanding (the checks then show it).
 */
export async function converged(
  pool: Pool,
  subscriber: EventSubscriber,
  clockToday: string,
  timeoutMs: number,
): Promise<{ ok: boolean; detail: string }> {
  const started = Date.now();
  let detail = '';
  while (Date.now() - started < timeoutMs) {
    const unpublished = await pool.query<{ count: string }>(
      LOAD_SERVICES.map((s) => `select count(*) from ${s}.outbox_event where published_at is null`).join(' union all '),
    );
    const waiting = unpublished.rows.reduce((n, r) => n + Number(r.count), 0);
    const pending = await pool.query<{ count: string }>(
      `select count(*) from applications.deadline where kind = 'D-preparation' and state = 'pending' and due_on < $1`,
      [clockToday],
    );
    const inStream = await subscriber.streamMessages();
    const feed = await pool.query<{ count: string }>('select count(*) from notifications.feed_event');
    const directories = await pool.query<{ count: string }>(
      DIRECTORY_SCHEMAS.map((s) => `select count(*) from ${s}.center_directory`).join(' union all '),
    );
    const centers = await pool.query<{ count: string }>('select count(*) from applications.center');
    const directoriesBehind = directories.rows.filter((r) => r.count !== centers.rows[0]?.count).length;
    detail = `after ${((Date.now() - started) / 1000).toFixed(0)} s: ${waiting} unpublished, ${pending.rows[0]?.count} due deadlines pending, subscriber ${subscriber.seen.length} of ${inStream}, feed ${feed.rows[0]?.count}, ${directoriesBehind} directories behind`;
    const consumed = Number(feed.rows[0]?.count) === inStream && directoriesBehind === 0;
    if (waiting === 0 && Number(pending.rows[0]?.count) === 0 && subscriber.seen.length === inStream && consumed) {
      // One more moment for anything a pass was about to publish, then the same again.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      if (subscriber.seen.length === (await subscriber.streamMessages())) return { ok: true, detail };
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return { ok: false, detail };
}
