import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';

import { Clock } from '@tic/deadlines';
import type { Caller } from '@tic/platform';

import { fitsQuota, quotaWindow, type UsageQuota } from './quota-window';
import { quotaExceeded } from './usage-quota.refusals';
import { UsageWindow } from './usage-window.entity';

export const USAGE_LIMITS = Symbol('USAGE_LIMITS');

/** Each user's daily limit per quota (PERSONNEL_QUOTA_*). */
export type UsageLimits = Readonly<Record<UsageQuota, number>>;

/**
 * Per-user volume limits on what answers questions about resident ID numbers (issue 9): lines of
 * roster checked, and people registered or appointed by number. A use is spent before the request
 * runs and stays spent whatever it answers, since a refusal answers the question too.
 */
@Injectable()
export class UsageQuotas {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    @Inject(USAGE_LIMITS) private readonly limits: UsageLimits,
  ) {}

  /** Spends `amount` of the caller's quota for today, or refuses with 429 and when to retry. */
  async spend(caller: Caller, quota: UsageQuota, amount: number): Promise<void> {
    const now = this.clock.now();
    const { day, retryAfterSeconds } = quotaWindow(now);
    const limit = this.limits[quota];
    const spent =
      fitsQuota(0, amount, limit) &&
      (await this.em
        .fork()
        .getRepository(UsageWindow)
        .spend({ userId: caller.userId, quota, day, amount, limit, at: now }));
    if (!spent) throw quotaExceeded(quota, limit, retryAfterSeconds);
  }
}
