import { EntityRepository } from '@mikro-orm/postgresql';

import type { Application } from '../applications/application.entity';
import type { Expert } from './expert.entity';

/** The expert pool (A13(三)) and who of it may review an application. */
export class ExpertRepository extends EntityRepository<Expert> {
  findByUser(userId: string): Promise<Expert | null> {
    return this.findOne({ userId });
  }

  byIds(ids: readonly string[]): Promise<Expert[]> {
    return this.find({ id: { $in: [...ids] } });
  }

  /** The pool after `cursor`, in id order, narrowed to a field when one is asked for. */
  async listed(cursor: string | undefined, field: string | undefined): Promise<Expert[]> {
    const rows = await this.find(cursor ? { id: { $gt: cursor } } : {}, { orderBy: { id: 'asc' } });
    return field === undefined ? rows : rows.filter((e) => coversField(e, field));
  }

  // 回避: never an expert of the construction, supporting or a co-building unit.
  async eligibleFor(application: Application): Promise<Expert[]> {
    const excluded = new Set([
      application.constructionUnitId,
      application.supportingUnitId,
      ...application.coBuilderIds,
    ]);
    const pool = await this.find({ active: true }, { orderBy: { id: 'asc' } });
    return pool.filter((e) => !excluded.has(e.orgId) && coversField(e, application.fieldZh, application.fieldEn));
  }
}

function coversField(expert: Expert, ...names: string[]): boolean {
  const wanted = names.map((n) => n.toLowerCase());
  return expert.fields.some((f) => wanted.some((w) => w.includes(f.toLowerCase()) || f.toLowerCase().includes(w)));
}
