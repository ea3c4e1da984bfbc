import { LockMode } from '@mikro-orm/core';

import type { CommitteeKind } from '@tic/domain';
import { AggregateRepository } from '@tic/platform';

import type { Committee } from './committee.entity';

/** A center's committees (A16, A17); whoever sees the center sees them. */
export class CommitteeRepository extends AggregateRepository<Committee> {
  findOfCenter(centerId: string, kind: CommitteeKind): Promise<Committee | null> {
    return this.findOne({ platformId: centerId, kind });
  }

  /** The committee locked for re-forming it; null when it is not formed yet. */
  findOfCenterForUpdate(centerId: string, kind: CommitteeKind): Promise<Committee | null> {
    return this.findOne({ platformId: centerId, kind }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  allOfCenter(centerId: string): Promise<Committee[]> {
    return this.find({ platformId: centerId });
  }
}
