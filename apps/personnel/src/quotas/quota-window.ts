import { addDays } from '@tic/domain';
import { shanghaiDate, startOfShanghaiDay } from '@tic/deadlines';

/** What a user's volume is counted for (issue 9: the resident-ID oracle is a matter of volume). */
export const USAGE_QUOTAS = ['roster_lines', 'registrations'] as const;
export type UsageQuota = (typeof USAGE_QUOTAS)[number];

/** The window a use falls in: the calendar day in Asia/Shanghai, and the seconds until the next one starts. */
export function quotaWindow(now: Date): { readonly day: string; readonly retryAfterSeconds: number } {
  const day = shanghaiDate(now);
  const endsAt = startOfShanghaiDay(addDays(day, 1));
  return { day, retryAfterSeconds: Math.max(1, Math.ceil((endsAt.getTime() - now.getTime()) / 1000)) };
}

/**
 * Whether `amount` more fits under `limit` when `used` is spent already. A request larger than the
 * whole limit never fits, so that one oversized batch cannot buy a day's volume at once.
 */
export function fitsQuota(used: number, amount: number, limit: number): boolean {
  return amount <= limit && used + amount <= limit;
}
