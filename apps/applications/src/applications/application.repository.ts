import { LockMode, type FilterQuery } from '@mikro-orm/core';

import type { ResourceFacts, ScopeField } from '@tic/domain';
import { refusalCode, requireAccess, RpcFailure, ScopedRepository, type Caller } from '@tic/platform';

import { Call } from '../calls/call.entity';
import { Expert } from '../reviews/expert.entity';
import { ReviewAssignment } from '../reviews/review-assignment.entity';
import type { Application } from './application.entity';

export interface ApplicationFilter {
  readonly status?: Application['status'];
  readonly callId?: string;
  readonly regionCode?: string;
  readonly field?: string;
  readonly year?: number;
  readonly cursor?: string;
}

/** Applications in the caller's scope (DOMAIN.md §1), locked for commands, and the queries about them. */
export class ApplicationRepository extends ScopedRepository<Application> {
  protected readonly kind = 'application';

  /** The application's units and the experts drawn to review it: what the policy decides on. */
  async facts(application: Application): Promise<ResourceFacts> {
    const assignments = await this.em.getRepository(ReviewAssignment).liveFor(application.id);
    const experts =
      assignments.length === 0 ? [] : await this.em.getRepository(Expert).byIds(assignments.map((a) => a.expertId));
    return {
      kind: 'application',
      status: application.status,
      supportingUnitId: application.supportingUnitId,
      constructionUnitId: application.constructionUnitId,
      recommenderId: application.recommenderId,
      coBuilderIds: application.coBuilderIds,
      assignedUserIds: experts.map((e) => e.userId),
    };
  }

  protected async scopeCondition(field: ScopeField, value: string): Promise<FilterQuery<Application>> {
    // An expert sees the applications it is assigned to review.
    if (field === 'assignedUserIds') return { id: { $in: await this.assignedTo(value) } };
    return this.unitCondition(field, value) ?? this.noRows();
  }

  /** The application locked for a command, if the caller may see it; otherwise 404, whether it exists or not. */
  async findVisibleForUpdate(id: string, caller: Caller): Promise<Application> {
    const application = await this.findForUpdate(id);
    if (application === null)
      throw RpcFailure.of(
        'not_found',
        { zh: '申报不存在', en: 'Application not found' },
        refusalCode('application.not_found'),
      );
    requireAccess(caller, 'application.read', await this.facts(application));
    return application;
  }

  /** The applications with these ids, locked in id order (so two commands naming the same ones cannot deadlock). */
  findAllForUpdate(ids: readonly string[]): Promise<Application[]> {
    return this.find(
      { id: { $in: [...ids] } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
    );
  }

  /** Those of these applications in the status. */
  byIds(ids: readonly string[], status?: Application['status']): Promise<Application[]> {
    return this.find({ id: { $in: [...ids] }, ...(status === undefined ? {} : { status }) });
  }

  /** One page of the applications matching `filter` within `scope` (a visibleFilter), newest first. */
  async page(scope: FilterQuery<Application>, filter: ApplicationFilter, limit: number): Promise<Application[]> {
    const conditions: FilterQuery<Application>[] = [scope];
    if (filter.status) conditions.push({ status: filter.status });
    if (filter.callId) conditions.push({ callId: filter.callId });
    if (filter.regionCode) conditions.push({ regionCode: { $like: `${filter.regionCode}%` } });
    if (filter.field)
      conditions.push({
        $or: [{ fieldZh: { $ilike: `%${filter.field}%` } }, { fieldEn: { $ilike: `%${filter.field}%` } }],
      });
    if (filter.year) conditions.push({ callId: { $in: await this.em.getRepository(Call).idsOfYear(filter.year) } });
    if (filter.cursor) conditions.push({ id: { $lt: filter.cursor } });
    return this.find({ $and: conditions }, { orderBy: { id: 'desc' }, limit: limit + 1 });
  }

  /** Ids of the applications the expert with this user id is drawn for (and has not recused from). */
  private async assignedTo(userId: string): Promise<string[]> {
    const expert = await this.em.getRepository(Expert).findByUser(userId);
    if (!expert) return [];
    const assignments = await this.em.getRepository(ReviewAssignment).liveOfExpert(expert.id);
    return assignments.map((a) => a.applicationId);
  }
}
