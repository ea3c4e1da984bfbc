import { v4 as uuidv4 } from 'uuid';

import { CenterRenamed, CenterUnitsChanged, createEvent, GetCommittee, GetPlatform } from '@tic/contracts';
import { eventually, publishEvents } from '@tic/testing';

import { CALLERS, ORGS, refusal, runningPersonnel } from './harness';

const dst = { userId: 'dst-1', name: '省科技厅', role: 'dst_admin' as const };
const change = { changeId: uuidv4(), decidedOn: '2026-11-02', filedOn: '2026-11-27', actor: dst };

describe('the center registry as the personnel service follows it (A26: renaming, reorganization)', () => {
  const service = runningPersonnel('center-registry');

  it('A26: a filed reorganization hands the platform to its new units; a renaming renames it', async () => {
    const centerId = await service.establishCenter({ name: '辽宁省智能制造技术创新中心' });
    await service.reviewDirector(centerId, '2026-11-10');
    const name = {
      zh: '辽宁省高端智能装备技术创新中心',
      en: 'Liaoning Technology Innovation Center for High-end Equipment',
    };
    const at = (aggregateVersion: number) => ({
      id: uuidv4(),
      subject: centerId,
      time: new Date().toISOString(),
      aggregateVersion,
    });
    await publishEvents(service.nats, [
      createEvent(CenterRenamed, {
        ...at(2),
        data: {
          centerId,
          name,
          previousName: { zh: '辽宁省智能制造技术创新中心', en: 'Liaoning TIC for Intelligent Manufacturing' },
          ...change,
        },
      }),
      createEvent(CenterUnitsChanged, {
        ...at(3),
        data: {
          centerId,
          name,
          supportingUnitId: ORGS.otherSupporting,
          coBuilderIds: [],
          constructionUnitId: ORGS.otherSupporting,
          recommenderId: ORGS.otherRecommender,
          previous: {
            supportingUnitId: ORGS.supporting,
            coBuilderIds: [ORGS.coBuilder],
            constructionUnitId: ORGS.construction,
            recommenderId: ORGS.recommender,
          },
          ...change,
        },
      }),
    ]);

    await eventually(
      async () => {
        expect(await service.call(GetPlatform, { id: centerId }, CALLERS.dst)).toMatchObject({
          name: name.zh,
          supportingUnitId: ORGS.otherSupporting,
          constructionUnitId: ORGS.otherSupporting,
          recommenderId: ORGS.otherRecommender,
          coBuilderIds: [],
        });
      },
      15_000,
      100,
    );
    // The new supporting unit and recommender now answer for the center's people and committees; the former ones
    // no longer see them (the same 404 as for any center of another's).
    expect(await service.call(GetPlatform, { id: centerId }, CALLERS.otherSupporting)).toMatchObject({ id: centerId });
    expect(await service.call(GetPlatform, { id: centerId }, CALLERS.otherRecommender)).toMatchObject({ id: centerId });
    const committee = await service.call(GetCommittee, { centerId, kind: 'management' }, CALLERS.otherSupporting);
    expect(committee.meetings.map((m) => m.heldOn)).toEqual(['2026-11-10']);
    for (const former of [CALLERS.supporting, CALLERS.construction, CALLERS.coBuilder, CALLERS.recommender]) {
      expect(await refusal(service.call(GetPlatform, { id: centerId }, former))).toMatchObject({ code: 'not_found' });
    }
  }, 60_000);
});
