import { EntityRepository } from '@mikro-orm/postgresql';

import type { Call } from './call.entity';

/** A11: DST's calls for applications. */
export class CallRepository extends EntityRepository<Call> {
  /** One page, newest first, of one year's calls or all. */
  page(year: number | undefined, cursor: string | undefined, limit: number): Promise<Call[]> {
    return this.find(
      { ...(year ? { year } : {}), ...(cursor ? { id: { $lt: cursor } } : {}) },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
  }

  async idsOfYear(year: number): Promise<string[]> {
    return (await this.find({ year })).map((c) => c.id);
  }
}
