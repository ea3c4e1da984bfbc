import { v4 as uuidv4 } from 'uuid';

import { CenterRenamed, CenterRevoked, CenterStatusChanged, createEvent } from '@tic/contracts';
import { eventually, publishEvents } from '@tic/testing';

import { ORGS, runningEvaluations } from './harness';

const dst = { userId: 'dst-1', name: '省科技厅', role: 'dst_admin' as const };
const at = (centerId: string, aggregateVersion: number) => ({
  id: uuidv4(),
  subject: centerId,
  time: new Date().toISOString(),
  aggregateVersion,
});

describe('the center directory of the evaluations service (the kit’s copy of the registry)', () => {
  const service = runningEvaluations('center-directory');

  const row = async (centerId: string) =>
    (await service.sql('select * from evaluations.center_directory where id = ?', [centerId]))[0];

  it('holds an established center with its units, city and date, and follows a renaming and a rectification', async () => {
    const centerId = await service.newCenter({ regionCode: '210202', establishedOn: '2024-06-15' });
    expect(await row(centerId)).toMatchObject({
      status: 'operating',
      supporting_unit_id: ORGS.supporting,
      construction_unit_id: ORGS.construction,
      recommender_id: ORGS.recommender,
      co_builder_ids: [ORGS.coBuilder],
      region_code: '210202',
    });

    const name = { zh: '辽宁省高端装备技术创新中心', en: 'Liaoning TIC for High-end Equipment' };
    await publishEvents(service.nats, [
      createEvent(CenterRenamed, {
        ...at(centerId, 2),
        data: {
          centerId,
          name,
          previousName: { zh: '旧名', en: 'old' },
          changeId: uuidv4(),
          decidedOn: '2026-10-01',
          filedOn: '2026-10-20',
          actor: dst,
        },
      }),
      createEvent(CenterStatusChanged, {
        ...at(centerId, 3),
        data: {
          centerId,
          name,
          from: 'operating',
          to: 'rectifying',
          action: 'start_rectification',
          article: '第三十条',
          actor: dst,
          changedOn: '2026-11-01',
        },
      }),
    ]);
    await eventually(async () => {
      expect(await row(centerId)).toMatchObject({ name_zh: name.zh, status: 'rectifying' });
    });
  });

  it('A31: a revoked center is closed on its day; an event that comes before the center is held back, not dropped', async () => {
    const centerId = uuidv4();
    await publishEvents(service.nats, [
      createEvent(CenterRevoked, {
        ...at(centerId, 2),
        data: {
          centerId,
          name: { zh: '中心', en: 'center' },
          ground: 5,
          grounds: [5],
          article: '第三十一条第（五）项',
          reason: '主动申请撤销',
          revokedOn: '2026-11-20',
          actor: dst,
        },
      }),
    ]);
    await service.newCenter({ centerId });
    await eventually(async () => {
      expect(await row(centerId)).toMatchObject({ status: 'revoked' });
    }, 30_000);
    expect(
      await service.sql('select closed_on::text as day from evaluations.center_directory where id = ?', [centerId]),
    ).toEqual([{ day: '2026-11-20' }]);
  });
});
