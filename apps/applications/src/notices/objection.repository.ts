import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';

import type { Objection } from './objection.entity';

export interface ObjectionFilter {
  readonly noticeId?: string;
  readonly applicationId?: string;
  readonly cursor?: string;
}

/** Objections to applications in a public notice (A13(四), DOMAIN.md §7). */
export class ObjectionRepository extends EntityRepository<Objection> {
  /** The objection locked for DST's decision; null when there is none. */
  findForUpdate(id: string): Promise<Objection | null> {
    return this.findOne({ id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** The application's objections still awaiting a decision, but `except`. */
  openFor(applicationId: string, except?: string): Promise<Objection[]> {
    return this.find(this.open(applicationId, except));
  }

  countOpenFor(applicationId: string, except?: string): Promise<number> {
    return this.count(this.open(applicationId, except));
  }

  /** One page, newest first. */
  page(filter: ObjectionFilter, limit: number): Promise<Objection[]> {
    return this.find(
      {
        ...(filter.noticeId ? { noticeId: filter.noticeId } : {}),
        ...(filter.applicationId ? { applicationId: filter.applicationId } : {}),
        ...(filter.cursor ? { id: { $lt: filter.cursor } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
  }

  private open(applicationId: string, except?: string): FilterQuery<Objection> {
    return { applicationId, status: 'under_review', ...(except === undefined ? {} : { id: { $ne: except } }) };
  }
}
