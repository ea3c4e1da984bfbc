import { EntityRepository } from '@mikro-orm/postgresql';

import type { CenterWaiver } from './center-waiver.entity';

/** DST's waivers recorded for centers. */
export class CenterWaiverRepository extends EntityRepository<CenterWaiver> {
  /** A center's waivers in the order they were recorded. */
  ofCenter(centerId: string): Promise<CenterWaiver[]> {
    return this.find({ platformId: centerId }, { orderBy: { recordedAt: 'asc' } });
  }
}
