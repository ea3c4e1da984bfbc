import type { FilterQuery } from '@mikro-orm/core';

import type { ResourceFacts, ScopeField } from '@tic/domain';
import { DirectoryCenter, directoryCenterFacts, ScopedRepository } from '@tic/platform';

import type { MajorAchievementReport } from './major-achievement.entity';

/** A27: major achievements in the caller's scope, seen as their center is. */
export class MajorAchievementRepository extends ScopedRepository<MajorAchievementReport> {
  protected readonly kind = 'achievement';

  async facts(achievement: MajorAchievementReport): Promise<ResourceFacts> {
    return directoryCenterFacts(
      'achievement',
      await this.em.findOneOrFail(DirectoryCenter, { id: achievement.centerId }),
    );
  }

  protected scopeCondition(field: ScopeField, value: string): Promise<FilterQuery<MajorAchievementReport>> {
    return this.centerCondition(field, value);
  }

  /** One page of a center's achievements within `scope`, newest first. */
  page(
    scope: FilterQuery<MajorAchievementReport>,
    centerId: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<MajorAchievementReport[]> {
    const conditions: FilterQuery<MajorAchievementReport>[] = [scope, { centerId }];
    if (cursor) conditions.push({ id: { $lt: cursor } });
    return this.find({ $and: conditions }, { orderBy: { id: 'desc' }, limit: limit + 1 });
  }
}
