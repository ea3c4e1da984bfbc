import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { type AchievementDto, type ListAchievements, ReportAchievement } from '@tic/contracts';
import { Clock } from '@tic/deadlines';
import {
  type Caller,
  defineRefusals,
  directoryCenterFacts,
  type In,
  newId,
  pageOf,
  refuse,
  requireAccess,
  UnitOfWork,
} from '@tic/platform';

import { visibleCenter } from '../reports/reports.service';
import { MajorAchievementReport } from './major-achievement.entity';

/** The refusals of major achievements (A27), by stable code `achievement.<name>`. */
export const ACHIEVEMENT_REFUSALS = defineRefusals('achievement', {
  achieved_in_future: {
    status: 'invalid_input',
    zh: 'achievedOn：成果日期不得晚于今天（{today}）',
    en: 'achievedOn: an achievement cannot be dated after today ({today})',
    article: '第二十七条',
  },
});

/** A27: the supporting unit reports its center's major achievements to DST at any time; the center's readers list them. */
@Injectable()
export class AchievementsService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  report(input: In<typeof ReportAchievement>, caller: Caller): Promise<AchievementDto> {
    return this.uow.run(ReportAchievement, input, async ({ em }) => {
      const center = await visibleCenter(em, input.centerId, caller);
      requireAccess(caller, 'achievement.report', directoryCenterFacts('achievement', center));
      const today = this.clock.today();
      if (input.achievedOn > today) {
        throw refuse(
          ACHIEVEMENT_REFUSALS.achieved_in_future,
          { today },
          { errors: [{ path: 'achievedOn', message: `after today (${today})` }] },
        );
      }
      const achievement = em.create(MajorAchievementReport, {
        id: newId(),
        centerId: center.id,
        title: input.title,
        description: input.description,
        achievedOn: input.achievedOn,
        reportedOn: today,
        reportedBy: caller.name,
      });
      return toAchievementDto(achievement);
    });
  }

  async list(input: In<typeof ListAchievements>, caller: Caller) {
    const em = this.entityManager.fork();
    await visibleCenter(em, input.centerId, caller);
    const achievements = em.getRepository(MajorAchievementReport);
    const scope = await achievements.visibleFilter(caller);
    if (scope === null) return { items: [] };
    const rows = await achievements.page(scope, input.centerId, input.cursor, input.limit);
    return pageOf(rows, input.limit, (row) => row.id, toAchievementDto);
  }
}

function toAchievementDto(achievement: MajorAchievementReport): AchievementDto {
  return {
    id: achievement.id,
    centerId: achievement.centerId,
    title: achievement.title,
    description: achievement.description,
    achievedOn: achievement.achievedOn,
    reportedOn: achievement.reportedOn,
    reportedBy: achievement.reportedBy,
    createdAt: achievement.createdAt.toISOString(),
  };
}
