import type { ApplicationDto, CenterDto, ChangeDto } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually, readAllEvents } from '@tic/testing';

import { DEMO_UNITS } from '../../applications/dist/seed/demo-units';
import {
  approveOnceNoticeEnds,
  ORGS,
  publishNotice,
  shortlisted,
  step,
  today,
  tokensFor,
  type Tokens,
} from './platform/journey';
import { call, PlatformWorld } from './platform/platform-world';
import { residentId } from './support/rosters';

// Redis database index reserved for this file.
const REDIS_DB = 5;
const FOREIGN_SUPPORTING = DEMO_UNITS.find((u) => u.name === '大连示范海洋工程研究院有限公司')?.id ?? '';
const NEW_FIELD = { zh: '高端智能装备', en: 'High-end Intelligent Equipment' };

/**
 * Issue 11, A26 through the public API: the construction unit reports a renaming and a reorganization of its
 * center, the supporting unit passes it naming the management committee's meeting the personnel service
 * holds (asked by the applications service over NATS), the recommender returns it once and consents, DST
 * files it; a unit of another center is refused at each step and changes nothing.
 */
describe('a center’s change report through the gateway (gateway, applications and personnel as processes)', () => {
  let world: PlatformWorld;
  let tokens: Tokens;
  let foreignSupporting = '';
  let center: CenterDto;
  const meetingOn = today();

  beforeAll(async () => {
    world = await PlatformWorld.start('changes-e2e', REDIS_DB);
    tokens = await tokensFor(world);
    foreignSupporting = await world.token('supporting_unit', FOREIGN_SUPPORTING, 'changes-foreign');
    let application: ApplicationDto = await shortlisted(world, tokens);
    await publishNotice(world, tokens, [application.id], addDays(today(), -10));
    application = await approveOnceNoticeEnds(world, tokens, application);
    application = await step(world, tokens.dst, application, 'file');
    center = (await call<CenterDto>(world, 'GET', `/centers/${application.centerId ?? ''}`, { token: tokens.dst }))
      .body;

    // The personnel registry learns of the center from its event; its management committee then meets.
    const chair = await call<{ id: string }>(world, 'POST', '/people', {
      token: tokens.supporting,
      body: { name: '变更论证主任委员', idNumber: residentId(95_001), employerOrgId: ORGS.supporting },
    });
    await eventually(
      async () => {
        const formed = await call(world, 'PUT', `/centers/${center.id}/committees/management`, {
          token: tokens.supporting,
          body: {
            termStartsOn: today(),
            termEndsOn: addDays(today(), 1000),
            members: [{ personId: chair.body.id, isChair: true }],
          },
        });
        expect(formed.status).toBe(200);
      },
      30_000,
      250,
    );
    const meeting = await call(world, 'POST', `/centers/${center.id}/committees/management/meetings`, {
      token: tokens.supporting,
      body: { heldOn: meetingOn, attendees: 1, minutesRef: 'docs/minutes/change-argued' },
    });
    expect(meeting.status).toBe(201);
  }, 300_000);

  afterAll(async () => {
    await world?.stop();
  });

  const read = async (id: string) =>
    (await call<ChangeDto>(world, 'GET', `/changes/${id}`, { token: tokens.dst })).body;
  const move = async (id: string, token: string, action: string, body: Record<string, unknown> = {}) =>
    call<ChangeDto>(world, 'POST', `/changes/${id}/transitions`, {
      token,
      headers: { 'if-match': `W/"${(await read(id)).version}"` },
      body: { action, ...body },
    });
  /** A foreign unit's attempt: refused with this status and code, and DST reads the report unchanged. */
  const refusedUnchanged = async (id: string, attempt: Promise<{ status: number; body: unknown }>, status: number) => {
    const before = await read(id);
    const reply = await attempt;
    expect([reply.status, (reply.body as { code?: string }).code]).toEqual([status, 'change.not_found']);
    expect(await read(id)).toEqual(before);
  };

  it('A26: renaming and reorganization reported, argued, consented to and filed; the center bears its new name', async () => {
    const report = {
      decidedOn: addDays(today(), -3),
      reportRef: 'docs/changes/e2e-1',
      rename: { field: NEW_FIELD },
      reorganization: { supportingUnitId: ORGS.supporting, coBuilderIds: [] },
    };
    const foreignDraft = await call(world, 'POST', `/centers/${center.id}/changes`, {
      token: tokens.otherConstruction,
      body: report,
    });
    expect([foreignDraft.status, foreignDraft.body.code]).toEqual([404, 'center.not_found']);
    const created = await call<ChangeDto>(world, 'POST', `/centers/${center.id}/changes`, {
      token: tokens.construction,
      body: report,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', kinds: ['rename', 'reorganization'] });

    expect((await move(id, tokens.construction, 'submit')).status).toBe(200);
    await refusedUnchanged(id, move(id, foreignSupporting, 'pass', { committeeReviewOn: meetingOn }), 404);
    // The applications service asks the personnel registry, as the supporting unit, for the committee's meeting.
    const notHeld = await move(id, tokens.supporting, 'pass', { committeeReviewOn: addDays(meetingOn, -1) });
    expect([notHeld.status, (notHeld.body as { rule?: string }).rule]).toEqual([422, 'A26-committee-review']);
    expect((await move(id, tokens.supporting, 'pass', { committeeReviewOn: meetingOn })).status).toBe(200);
    expect((await move(id, tokens.recommender, 'return', { comment: '请补充共建单位退出的协议' })).status).toBe(200);
    const edited = await call<ChangeDto>(world, 'PUT', `/changes/${id}`, {
      token: tokens.construction,
      headers: { 'if-match': `W/"${(await read(id)).version}"` },
      body: { ...report, reportRef: 'docs/changes/e2e-1-v2', description: '共建单位退出协议已附' },
    });
    expect(edited.status).toBe(200);
    expect((await move(id, tokens.construction, 'submit')).status).toBe(200);
    expect((await move(id, tokens.supporting, 'pass', { committeeReviewOn: meetingOn })).status).toBe(200);
    expect((await move(id, tokens.recommender, 'consent')).status).toBe(200);
    const filed = await move(id, tokens.dst, 'approve');
    expect(filed.status).toBe(200);
    expect(filed.body).toMatchObject({ status: 'filed', filedOn: today(), filing: { state: 'completed' } });

    const renamed = await call<CenterDto>(world, 'GET', `/centers/${center.id}`, { token: tokens.construction });
    expect(renamed.body).toMatchObject({
      name: { zh: '辽宁省高端智能装备技术创新中心' },
      coBuilderIds: [],
      previousNames: [{ name: center.name, changeId: id }],
    });
    await eventually(
      async () => {
        const types = (await readAllEvents(world.nats)).filter((e) => e.subject === center.id).map((e) => e.type);
        expect(types).toEqual(expect.arrayContaining(['tic.center.renamed', 'tic.center.units_changed']));
        // The personnel registry follows: the platform bears the new name, without the co-builder that left.
        const platform = await call(world, 'GET', `/platforms/${center.id}`, { token: tokens.dst });
        expect(platform.body).toMatchObject({ name: '辽宁省高端智能装备技术创新中心', coBuilderIds: [] });
      },
      30_000,
      250,
    );
    const list = await call<{ items: ChangeDto[] }>(world, 'GET', `/centers/${center.id}/changes`, {
      token: tokens.recommender,
    });
    expect(list.body.items.map((c) => [c.id, c.status])).toEqual([[id, 'filed']]);
  }, 120_000);
});
