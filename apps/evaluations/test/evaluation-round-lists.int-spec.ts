import { v4 as uuidv4 } from 'uuid';

import { EntrustAgency, ListCenterEvaluations, ListRounds } from '@tic/contracts';
import { addDays } from '@tic/domain';

import { CALLERS, ORGS, refusal, runningEvaluations } from './harness';
import { openRound, scoreAndPublish } from './round-support';

describe('A28–A30: DST’s list of rounds and a center’s evaluation history (real Postgres, NATS)', () => {
  const service = runningEvaluations('evaluation-round-lists');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    service.clock.set('2026-11-10');
    ids.center = await service.newCenter({ establishedOn: '2022-11-01' });
    ids.other = await service.newCenter({
      establishedOn: '2022-11-01',
      supportingUnitId: ORGS.otherSupporting,
      constructionUnitId: ORGS.otherConstruction,
      recommenderId: ORGS.otherRecommender,
      coBuilderIds: [],
    });
    // An evaluation two years ago, published, and this year's round still open.
    service.clock.set('2024-11-20');
    ids.published = await openRound(service, { name: '2024年度评估', year: 2024, participateBy: '2024-12-31' });
    await scoreAndPublish(service, ids.published, CALLERS.agency, 80);
    service.clock.set('2026-11-25');
    ids.open = await openRound(service, { name: '2026年度评估', year: 2026, participateBy: addDays('2026-11-25', 30) });
    await service.call(
      EntrustAgency,
      { id: ids.open, agencyOrgId: ORGS.otherAgency, centerIds: [ids.other] },
      CALLERS.dst,
    );
  }, 60_000);

  it('A28: DST pages through every round, newest first, by year and status', async () => {
    const first = await service.call(ListRounds, { limit: 1 }, CALLERS.dst);
    expect(first.items.map((r) => [r.name, r.status, r.centerCount])).toEqual([['2026年度评估', 'open', 2]]);
    const second = await service.call(ListRounds, { limit: 1, cursor: first.nextCursor }, CALLERS.dst);
    expect(second.items).toEqual([
      expect.objectContaining({ id: ids.published, year: 2024, status: 'published', publishedOn: '2024-11-20' }),
    ]);
    expect(second.nextCursor).toBeUndefined();
    expect((await service.call(ListRounds, { year: 2024 }, CALLERS.dst)).items.map((r) => r.id)).toEqual([
      ids.published,
    ]);
    expect((await service.call(ListRounds, { status: 'open' }, CALLERS.dst)).items.map((r) => r.id)).toEqual([
      ids.open,
    ]);
    expect((await service.call(ListRounds, { year: 2025 }, CALLERS.dst)).items).toEqual([]);
  });

  it('A29: an agency lists only the rounds it is entrusted in, counting only its centers; a unit is refused', async () => {
    const agency = await service.call(ListRounds, {}, CALLERS.agency);
    expect(agency.items.map((r) => [r.id, r.centerCount])).toEqual([[ids.published, 2]]);
    const other = await service.call(ListRounds, {}, CALLERS.otherAgency);
    expect(other.items.map((r) => [r.id, r.centerCount])).toEqual([[ids.open, 1]]);
    const stranger = { ...CALLERS.agency, userId: 'ev-9', orgId: uuidv4() };
    expect((await service.call(ListRounds, {}, stranger)).items).toEqual([]);
    for (const caller of [CALLERS.supporting, CALLERS.recommender, CALLERS.committee, CALLERS.expert]) {
      expect(await refusal(service.call(ListRounds, {}, caller))).toMatchObject({
        code: 'forbidden',
        article: '第二十八条',
      });
    }
  });

  it('A30: a center’s published grades are read by its own units, its recommender and DST; a foreign unit gets 404', async () => {
    for (const caller of [
      CALLERS.dst,
      CALLERS.supporting,
      CALLERS.construction,
      CALLERS.coBuilder,
      CALLERS.recommender,
    ]) {
      const history = await service.call(ListCenterEvaluations, { centerId: ids.center as string }, caller);
      expect(history.items).toEqual([
        expect.objectContaining({
          roundId: ids.published,
          roundName: '2024年度评估',
          year: 2024,
          publishedOn: '2024-11-20',
          total: 80,
          grade: 'good',
        }),
      ]);
    }
    for (const caller of [CALLERS.otherSupporting, CALLERS.otherConstruction, CALLERS.otherRecommender]) {
      expect(
        await refusal(service.call(ListCenterEvaluations, { centerId: ids.center as string }, caller)),
      ).toMatchObject({ code: 'not_found' });
    }
    expect(await refusal(service.call(ListCenterEvaluations, { centerId: uuidv4() }, CALLERS.dst))).toMatchObject({
      code: 'not_found',
    });
  });
});
