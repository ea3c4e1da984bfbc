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

  /**
   * The active experts of the field of an application (or of a center, for its rectification acceptance),
   * none from an organization in `recused` (回避, recusedOrganizations).
   */
  async eligibleFor(
    subject: Pick<Application, 'fieldZh' | 'fieldEn'>,
    recused: ReadonlySet<string>,
  ): Promise<Expert[]> {
    const pool = await this.find({ active: true }, { orderBy: { id: 'asc' } });
    return pool.filter((e) => !recused.has(e.orgId) && coversField(e, subject.fieldZh, subject.fieldEn));
  }
}

function coversField(expert: Expert, ...names: string[]): boolean {
  const wanted = names.map((n) => n.toLowerCase());
  return expert.fields.some((f) => wanted.some((w) => w.includes(f.toLowerCase()) || f.toLowerCase().includes(w)));
}
