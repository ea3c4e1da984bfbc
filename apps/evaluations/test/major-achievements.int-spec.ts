import { ListAchievements, ReportAchievement } from '@tic/contracts';

import { CALLERS, refusal, runningEvaluations } from './harness';

describe('A27: major achievements reported through the supporting unit to DST (real Postgres, NATS)', () => {
  const service = runningEvaluations('major-achievements');
  const achievement = { title: '海上风电主轴承国产化', description: '完成样机验证', achievedOn: '2026-03-01' };

  it('the supporting unit reports one at any time; DST and the center’s units list it, another unit is refused', async () => {
    service.clock.set('2026-06-10');
    const centerId = await service.newCenter({ establishedOn: '2025-03-01' });
    const reported = await service.call(ReportAchievement, { centerId, ...achievement }, CALLERS.supporting);
    expect(reported).toMatchObject({
      centerId,
      ...achievement,
      reportedOn: '2026-06-10',
      reportedBy: CALLERS.supporting.name,
    });

    for (const caller of [CALLERS.dst, CALLERS.committee, CALLERS.recommender, CALLERS.construction]) {
      const page = await service.call(ListAchievements, { centerId }, caller);
      expect(page.items.map((a) => a.id)).toEqual([reported.id]);
    }
    for (const caller of [CALLERS.otherSupporting, CALLERS.otherRecommender, CALLERS.otherConstruction]) {
      expect(await refusal(service.call(ListAchievements, { centerId }, caller))).toMatchObject({
        code: 'not_found',
        reason: 'center.not_found',
      });
    }
    expect(
      await refusal(service.call(ReportAchievement, { centerId, ...achievement }, CALLERS.otherSupporting)),
    ).toMatchObject({ code: 'not_found', reason: 'center.not_found' });
    expect(
      await refusal(service.call(ReportAchievement, { centerId, ...achievement }, CALLERS.construction)),
    ).toMatchObject({ code: 'forbidden', reason: 'achievement.reported_by_supporting_unit', article: '第二十七条' });
    expect(
      await refusal(
        service.call(ReportAchievement, { centerId, ...achievement, achievedOn: '2026-06-11' }, CALLERS.supporting),
      ),
    ).toMatchObject({ code: 'invalid_input', reason: 'achievement.achieved_in_future' });
    const rows = await service.sql('select count(*)::int as n from evaluations.major_achievement where center_id = ?', [
      centerId,
    ]);
    expect(rows[0]).toEqual({ n: 1 });
  });
});
