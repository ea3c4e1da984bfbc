import { EntityRepository } from '@mikro-orm/postgresql';

import type { IdentityRead } from './identity-read.entity';

/** The audit of unmasked reads of ID numbers. */
export class IdentityReadRepository extends EntityRepository<IdentityRead> {
  /** A page of reads, newest first, of one person or of all. */
  page(filter: { readonly personId?: string; readonly cursor?: string }, limit: number): Promise<IdentityRead[]> {
    return this.find(
      {
        $and: [
          filter.personId ? { personId: filter.personId } : {},
          filter.cursor ? { id: { $lt: filter.cursor } } : {},
        ],
      },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
  }
}
