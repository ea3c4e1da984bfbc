import type { ApplicationDto, ReviewDto } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually, readAllEvents } from '@tic/testing';

import { DEMO_UNITS } from '../../applications/dist/seed/demo-units';
import { call, PlatformWorld } from './platform/platform-world';
import { form, ORGS, step, today, tokensFor, type Tokens } from './platform/journey';

// Redis database index reserved for this file.
const REDIS_DB = 10;

const unit = (name: string) => DEMO_UNITS.find((u) => u.name === name)?.id ?? '';
const OUTSIDERS = ['辽宁示范工业技术研究院', '沈阳示范材料科学研究所', '大连示范理工大学'].map(unit);
const FIELD = { zh: '氢能储运', en: 'Hydrogen Storage and Transport' };

describe('A10: co-building units are registered organizations that the supporting unit confirms (gateway, applications and personnel as processes)', () => {
  let world: PlatformWorld;
  let tokens: Tokens;
  let callId = '';

  beforeAll(async () => {
    world = await PlatformWorld.start('co-builders', REDIS_DB);
    tokens = await tokensFor(world);
    const opened = await call<{ id: string }>(world, 'POST', '/calls', {
      token: tokens.dst,
      body: { year: 2027, title: '共建单位确认', opensOn: addDays(today(), -1), closesOn: addDays(today(), 30) },
    });
    callId = opened.body.id;
    // A pool of its own for the field: one expert of the co-builder, three of units outside the application.
    for (const [i, orgId] of [ORGS.coBuilder, ...OUTSIDERS].entries()) {
      const expert = await call(world, 'POST', '/experts', {
        token: tokens.dst,
        body: { userId: `h2-expert-${i}`, name: `氢能专家${i}`, orgId, fields: [FIELD.zh] },
      });
      expect(expert.status).toBe(201);
    }
  }, 120_000);

  afterAll(async () => {
    await world?.stop();
  });

  const draft = async (proposed: string[], token = tokens.construction) =>
    call<ApplicationDto & { code?: string }>(world, 'POST', '/applications', {
      token,
      body: { ...form(callId), field: FIELD, proposedCoBuilderIds: proposed },
    });
  const read = (id: string, token: string) =>
    call<ApplicationDto & { code?: string }>(world, 'GET', `/applications/${id}`, { token });
  const confirm = (application: ApplicationDto, token: string) =>
    call<ApplicationDto & { code?: string }>(world, 'POST', `/applications/${application.id}/co-builders/confirm`, {
      token,
      headers: { 'if-match': `W/"${application.version}"` },
      body: {},
    });
  const toFormalReview = async (application: ApplicationDto) => {
    let current = await step(world, tokens.construction, application, 'submit');
    current = await step(world, tokens.supporting, current, 'pass_supporting_review');
    current = await step(world, tokens.recommender, current, 'recommend');
    return step(world, tokens.dst, current, 'pass_formal_review');
  };
  const draw = (application: ApplicationDto, count: number, reserves: number) =>
    call<ReviewDto & { code?: string }>(world, 'POST', `/applications/${application.id}/review/draw`, {
      token: tokens.dst,
      body: { count, reserves },
    });

  it('refuses an unregistered co-builder with a 400 naming its place in proposedCoBuilderIds', async () => {
    const refused = await draft([ORGS.coBuilder, '0192f6a0-7c1e-7d2a-9b3c-00000000dead']);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errors: [{ path: 'proposedCoBuilderIds.1', message: 'no such unit' }] });
  });

  it('A10: a construction unit names as its supporting unit only its own organization or one above it', async () => {
    const refused = await draft([], tokens.otherConstruction);
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 403,
      code: 'application.supporting_unit_not_own',
    });
    const own = await call<ApplicationDto>(world, 'POST', '/applications', {
      token: tokens.otherConstruction,
      body: { ...form(callId), supportingUnitId: unit('大连示范海洋工程研究院有限公司'), proposedCoBuilderIds: [] },
    });
    expect(own.status).toBe(201);
  });

  it('gives a proposed co-builder nothing until the supporting unit confirms it; then it reads the application, once and for all', async () => {
    const coBuilder = await world.token('co_builder', ORGS.coBuilder);
    const proposed = (await draft([ORGS.coBuilder])).body;
    expect(proposed).toMatchObject({
      proposedCoBuilderIds: [ORGS.coBuilder],
      coBuilderIds: [],
      coBuildersConfirmedAt: null,
    });
    expect((await read(proposed.id, coBuilder)).status).toBe(404);

    const byConstruction = await confirm(proposed, tokens.construction);
    expect(byConstruction.status).toBe(403);
    const foreign = await confirm(
      proposed,
      await world.token('supporting_unit', unit('大连示范海洋工程研究院有限公司')),
    );
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 404, code: 'application.not_found' });
    expect((await read(proposed.id, tokens.dst)).body).toMatchObject({ version: proposed.version, coBuilderIds: [] });

    const confirmed = await confirm(proposed, tokens.supporting);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.coBuilderIds).toEqual([ORGS.coBuilder]);
    expect(confirmed.body.coBuildersConfirmedAt).not.toBeNull();
    expect((await read(proposed.id, coBuilder)).status).toBe(200);

    const again = await confirm(confirmed.body, tokens.supporting);
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'application.co_builders_settled',
    });

    // The confirmed set is what the application's events carry.
    const reviewed = await toFormalReview(confirmed.body);
    const submitted = await eventually(async () => {
      const events = (await readAllEvents(world.nats)).filter(
        (e) => e.subject === proposed.id && e.type === 'tic.application.submitted',
      );
      expect(events).toHaveLength(1);
      return events[0];
    });
    expect(submitted?.data).toMatchObject({ coBuilderIds: [ORGS.coBuilder] });

    // 回避: the co-builder's expert is out of the draw, which has only the three outsiders to take.
    expect((await draw(reviewed, 3, 1)).body.code).toBe('review.too_few_experts');
    const drawn = await draw(reviewed, 3, 0);
    expect(drawn.status).toBe(201);
    expect(drawn.body.assignments.map((a) => a.orgId).sort()).toEqual([...OUTSIDERS].sort());
  }, 60_000);

  it('counts no co-builder the supporting unit let pass unconfirmed: it is refused later, stays out, and its expert may be drawn', async () => {
    const coBuilder = await world.token('co_builder', ORGS.coBuilder);
    const application = await toFormalReview((await draft([ORGS.coBuilder])).body);
    const late = await confirm(application, tokens.supporting);
    expect({ status: late.status, code: late.body.code }).toEqual({
      status: 409,
      code: 'application.co_builders_settled',
    });
    expect((await read(application.id, coBuilder)).status).toBe(404);
    expect((await read(application.id, tokens.dst)).body).toMatchObject({
      version: application.version,
      coBuilderIds: [],
    });

    const drawn = await draw(application, 3, 1);
    expect(drawn.status).toBe(201);
    expect(drawn.body.assignments.map((a) => a.orgId).sort()).toEqual([ORGS.coBuilder, ...OUTSIDERS].sort());
  }, 60_000);

  it('withdraws the confirmation when the construction unit changes the proposal', async () => {
    const confirmed = (await confirm((await draft([ORGS.coBuilder])).body, tokens.supporting)).body;
    const changed = await call<ApplicationDto>(world, 'PUT', `/applications/${confirmed.id}`, {
      token: tokens.construction,
      headers: { 'if-match': `W/"${confirmed.version}"` },
      body: { ...confirmed, proposedCoBuilderIds: [ORGS.coBuilder, OUTSIDERS[0]] },
    });
    expect(changed.body).toMatchObject({ coBuilderIds: [], coBuildersConfirmedAt: null });
    const reconfirmed = await confirm(changed.body, tokens.supporting);
    expect(reconfirmed.body.coBuilderIds).toEqual([ORGS.coBuilder, OUTSIDERS[0]]);
  }, 60_000);
});
