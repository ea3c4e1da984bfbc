import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';

import { FundingExecutionLagging } from '@tic/contracts';
import { Clock, type Deadline, Deadlines } from '@tic/deadlines';
import { addDays, executionRate } from '@tic/domain';
import { EventOutbox, findForUpdate, nextEventVersion } from '@tic/platform';

import type { FundingConfig } from '../config';
import { Allocation } from './allocation.entity';
import { allocationTotals } from './allocation-view';

export const FUNDING_CONFIG = Symbol('FUNDING_CONFIG');

const KIND = 'D-funding-midyear';

/**
 * A35, A36: on FUNDING_MIDYEAR_CHECK of its fiscal year (07-01 by default) every active allocation's
 * execution is compared with FUNDING_MIDYEAR_EXPECTED_RATE; one below it is tic.funding.execution_lagging.
 * A deadline row per allocation (its last day the day before the check) wakes the service up.
 */
@Injectable()
export class MidyearCheck implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    private readonly clock: Clock,
    private readonly outbox: EventOutbox,
    @Inject(FUNDING_CONFIG) private readonly config: FundingConfig,
  ) {}

  onModuleInit(): void {
    this.deadlines.onFire(KIND, (em, deadline) => this.check(em, deadline));
  }

  /** Schedules the allocation's check, in the caller's transaction; none when its day has passed already. */
  async schedule(em: EntityManager, allocation: Allocation): Promise<void> {
    const checkOn = `${allocation.fiscalYear}-${this.config.FUNDING_MIDYEAR_CHECK}`;
    const endsOn = addDays(checkOn, -1);
    if (endsOn < allocation.allocatedOn) return;
    await this.deadlines.schedule(em, {
      kind: KIND,
      subjectId: allocation.id,
      centerId: allocation.centerId,
      start: allocation.allocatedOn,
      length: { endsOn },
    });
  }

  /** The allocation's year is closed: its check no longer applies. */
  async cancel(em: EntityManager, allocationId: string): Promise<void> {
    for (const pending of await this.deadlines.findPending(em, allocationId, KIND)) {
      await this.deadlines.cancel(em, pending.id);
    }
  }

  private async check(em: EntityManager, deadline: Deadline): Promise<void> {
    const allocation = await findForUpdate(em, Allocation, deadline.subjectId);
    if (allocation?.status !== 'active') return;
    const { totalFen, spentFen } = allocationTotals(allocation);
    const rate = executionRate(spentFen, totalFen) ?? 0;
    const expected = this.config.FUNDING_MIDYEAR_EXPECTED_RATE;
    if (rate >= expected) return;
    this.outbox.record(em, FundingExecutionLagging, {
      subject: allocation.id,
      aggregateVersion: nextEventVersion(allocation),
      data: {
        allocationId: allocation.id,
        centerId: allocation.centerId,
        fiscalYear: allocation.fiscalYear,
        executionRate: rate,
        expectedRate: expected,
        checkedOn: this.clock.today(),
      },
    });
  }
}
