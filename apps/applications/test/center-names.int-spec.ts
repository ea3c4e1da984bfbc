import { Client } from 'pg';

import { ApproveApplication, GetApplication, GetCenter, PublishNotice, type ApplicationDto } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually, refusal } from '@tic/testing';

import { CALLERS, runningService } from './harness';
import { applicationAt, today } from './journey';

const THROUGH_SHORTLIST = ['submit', 'pass_supporting_review', 'recommend', 'pass_formal_review', 'shortlist'] as const;

describe('A37: unique names of centers that are not revoked (applications service, real Postgres, NATS)', () => {
  const service = runningService('names');

  const approve = (application: ApplicationDto) =>
    service.rpc.request(
      ApproveApplication,
      { id: application.id, version: application.version, track: 'formal' },
      { caller: CALLERS.dst },
    );
  const read = (id: string) => service.rpc.request(GetApplication, { id }, { caller: CALLERS.dst });

  it('refuses a second center of the same normalized field with 409 center.name_taken, and frees the name on revocation', async () => {
    const first = await applicationAt(service.rpc, THROUGH_SHORTLIST, {
      field: { zh: '海洋工程', en: 'Ocean Engineering' },
    });
    // The same field written with the unified name's fixed words (A37): it makes the same name.
    const same = await applicationAt(service.rpc, THROUGH_SHORTLIST, {
      field: { zh: '辽宁海洋工程技术创新', en: 'ocean engineering' },
    });
    const other = await applicationAt(service.rpc, THROUGH_SHORTLIST, {
      field: { zh: '海洋工程装备', en: 'Ocean Engineering Equipment' },
    });
    expect(same.proposedName).toEqual({
      zh: '辽宁省海洋工程技术创新中心',
      en: 'Liaoning Technology Innovation Center for ocean engineering',
    });
    // A notice put up ten days ago has run its five working days; its deadline ends it.
    await service.rpc.request(
      PublishNotice,
      { title: '拟建中心名单公示', applicationIds: [first.id, same.id, other.id], startsOn: addDays(today(), -10) },
      { caller: CALLERS.dst },
    );
    const approved = await eventually(async () => approve(await read(first.id)), 20_000, 200);
    const center = await service.rpc.request(GetCenter, { id: approved.centerId! }, { caller: CALLERS.dst });
    expect(center).toMatchObject({ name: { zh: '辽宁省海洋工程技术创新中心' }, field: { zh: '海洋工程' } });

    const taken = await refusal(approve(await read(same.id)));
    expect(taken).toMatchObject({
      code: 'conflict',
      reason: 'center.name_taken',
      article: '第三十七条',
      rule: 'A37-naming',
      errors: [{ path: 'field' }],
    });
    expect(taken.detail?.zh).toContain('辽宁省海洋工程技术创新中心');
    expect((await read(same.id)).status).toBe('public_notice');
    // A field that only contains the other's is a different name.
    expect(await approve(await read(other.id))).toMatchObject({ status: 'approved' });

    // Revocation (A31) is not built yet: its status, set directly, frees the name for the second center.
    const db = new Client({ connectionString: service.infra.db.url });
    await db.connect();
    try {
      await db.query(`update "applications"."center" set "status" = 'revoked' where "id" = $1`, [center.id]);
      const second = await approve(await read(same.id));
      expect(second).toMatchObject({ status: 'approved' });
      // The database holds the rule too, whatever path writes (two approvals racing): the live names clash.
      const clash = db.query(`update "applications"."center" set "name_zh" = $1 where "id" = $2`, [
        '辽宁省海洋工程技术创新中心',
        (await read(other.id)).centerId,
      ]);
      await expect(clash).rejects.toMatchObject({ code: '23505', constraint: 'center_name_zh_live_unique' });
    } finally {
      await db.end();
    }
  }, 120_000);
});
