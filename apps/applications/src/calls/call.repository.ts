import { EntityRepository } from '@mikro-orm/postgresql';

import type { Application } from '../applications/application.entity';
import type { Call } from './call.entity';

/** A11: DST's calls for applications. */
export class CallRepository extends EntityRepository<Call> {
  byId(id: string): Promise<Call | null> {
    return this.findOne({ id });
  }

  /** The call an application was made under (the foreign key guarantees it). */
  ofApplication(application: Pick<Application, 'callId'>): Promise<Call> {
    return this.findOneOrFail({ id: application.callId });
  }

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
