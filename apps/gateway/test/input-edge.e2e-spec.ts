import type { ApplicationDto } from '@tic/contracts';

import { draft, form, ORGS, tokensFor, type Tokens } from './platform/journey';
import { call, PlatformWorld } from './platform/platform-world';
import { csvOf, residentId } from './support/rosters';

// Postgres refuses a NUL in text and jsonb, and lone UTF-16 surrogates; such input once gave a 500.
const NUL = 'a\u0000b';
const LONE = 'a\uD800b';

interface Page {
  readonly items: readonly unknown[];
}

/**
 * Issue 9, "Input the database cannot hold": one rule at the edge. A NUL or a lone surrogate in a
 * query, a path parameter, a JSON body (however deep) or an uploaded cell is a 400
 * `input.unstorable_text` naming the field, on every route, and nothing is written.
 */
describe('Text the database cannot hold is a 400 naming the field, and writes nothing (real services)', () => {
  let world: PlatformWorld;
  let tokens: Tokens;
  let application: ApplicationDto;

  beforeAll(async () => {
    world = await PlatformWorld.start('input-edge', 15);
    tokens = await tokensFor(world);
    application = await draft(world, tokens);
  }, 240_000);

  afterAll(async () => {
    await world?.stop();
  });

  const refused = (field: string) => ({
    status: 400,
    body: expect.objectContaining({
      code: 'input.unstorable_text',
      errors: [expect.objectContaining({ path: field })],
    }),
  });

  it.each([
    ['/organizations', 'q'],
    ['/people', 'name'],
    ['/applications', 'field'],
    ['/experts', 'field'],
    ['/platforms', 'name'],
    ['/calls', 'year'],
  ])('GET %s?%s=<NUL>', async (path, parameter) => {
    const reply = await call(world, 'GET', `${path}?${parameter}=%00`, { token: tokens.dst });
    expect(reply).toMatchObject(refused(`query.${parameter}`));
  });

  it.each([['/applications/%00'], ['/organizations/a%00b/standing'], ['/people/%00'], ['/centers/%00/compliance']])(
    'GET %s names the path parameter',
    async (path) => {
      const reply = await call(world, 'GET', path, { token: tokens.dst });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: 'input.unstorable_text' });
      expect((reply.body as { errors: { path: string }[] }).errors[0]?.path).toMatch(/^path\.(id|centerId)$/);
    },
  );

  it.each([
    ['NUL', NUL],
    ['a lone surrogate', LONE],
  ])('POST /calls with %s in the title: refused, and no call is opened', async (name, text) => {
    const before = await call<Page>(world, 'GET', '/calls?limit=100', { token: tokens.dst });
    const body = { year: 2027, title: `申报通知${text}`, opensOn: '2027-01-04', closesOn: '2027-03-31' };
    expect(await call(world, 'POST', '/calls', { token: tokens.dst, body })).toMatchObject(refused('body.title'));
    const after = await call<Page>(world, 'GET', '/calls?limit=100', { token: tokens.dst });
    expect(after.body.items).toHaveLength(before.body.items.length);
    // The same call without the character is accepted: the character alone was refused.
    const clean = { ...body, title: `申报通知（${name}）` };
    expect((await call(world, 'POST', '/calls', { token: tokens.dst, body: clean })).status).toBe(201);
  });

  it('POST /experts names the array element, and registers no expert', async () => {
    const before = await call<Page>(world, 'GET', '/experts?limit=100', { token: tokens.dst });
    const body = { userId: 'expert-nul', name: '王专家', orgId: ORGS.coBuilder, fields: ['智能制造', LONE] };
    expect(await call(world, 'POST', '/experts', { token: tokens.dst, body })).toMatchObject(refused('body.fields[1]'));
    const after = await call<Page>(world, 'GET', '/experts?limit=100', { token: tokens.dst });
    expect(after.body.items).toHaveLength(before.body.items.length);
    const clean = { ...body, fields: ['智能制造'] };
    expect((await call(world, 'POST', '/experts', { token: tokens.dst, body: clean })).status).toBe(201);
  });

  it('POST /platforms refuses a NUL in the name, and registers no platform', async () => {
    const before = await call<Page>(world, 'GET', '/platforms?limit=100', { token: tokens.dst });
    const body = { name: `示范重点实验室${NUL}`, kind: 'key_laboratory', supportingUnitId: ORGS.supporting };
    expect(await call(world, 'POST', '/platforms', { token: tokens.dst, body })).toMatchObject(refused('body.name'));
    const after = await call<Page>(world, 'GET', '/platforms?limit=100', { token: tokens.dst });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('POST /people refuses a NUL in a nested field, and registers nobody', async () => {
    const body = { name: '张三', idNumber: residentId(7), employerOrgId: ORGS.supporting, contact: { email: NUL } };
    expect(await call(world, 'POST', '/people', { token: tokens.supporting, body })).toMatchObject(
      refused('body.contact.email'),
    );
    const after = await call<Page>(world, 'GET', `/people?name=${encodeURIComponent('张三')}`, { token: tokens.dst });
    expect(after.body.items).toHaveLength(0);
  });

  it('POST /applications names the element deep in the body, and drafts nothing', async () => {
    const before = await call<Page>(world, 'GET', '/applications?limit=100', { token: tokens.construction });
    const body = form(application.callId);
    const achievements = [{ ...body.achievements[0]!, title: NUL }];
    const reply = await call(world, 'POST', '/applications', {
      token: tokens.construction,
      body: { ...body, achievements },
    });
    expect(reply).toMatchObject(refused('body.achievements[0].title'));
    const after = await call<Page>(world, 'GET', '/applications?limit=100', { token: tokens.construction });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('PUT /applications/:id refuses a NUL and leaves the draft as it was', async () => {
    const reply = await call(world, 'PUT', `/applications/${application.id}`, {
      token: tokens.construction,
      headers: { 'if-match': `W/"${application.version}"` },
      body: { ...form(application.callId), field: { zh: NUL, en: 'x' } },
    });
    expect(reply).toMatchObject(refused('body.field.zh'));
    const read = await call<ApplicationDto>(world, 'GET', `/applications/${application.id}`, { token: tokens.dst });
    expect(read.body.version).toBe(application.version);
    expect(read.body.field).toEqual(application.field);
  });

  it('refuses an uploaded CSV cell, named by its line and column, before anything is checked', async () => {
    const csv = csvOf(
      ['姓名', '公民身份号码'],
      [
        ['李四', residentId(1)],
        [NUL, residentId(2)],
      ],
    );
    const response = await fetch(`${world.gatewayUrl}/api/v1/roster-checks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.dst}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'input.unstorable_text',
      errors: [{ path: 'file.line[3].姓名' }],
    });
  });

  it('refuses an expert draw that names its own seed, by the field (issue 9: the service draws the seed)', async () => {
    const reply = await call(world, 'POST', `/applications/${application.id}/review/draw`, {
      token: tokens.dst,
      body: { count: 5, reserves: 2, seed: '00112233445566778899aabbccddeeff' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'invalid_input', errors: [expect.objectContaining({ path: 'seed' })] });
    const review = await call(world, 'GET', `/applications/${application.id}/review`, { token: tokens.dst });
    expect(review.status).toBe(404);
  });

  it('answers in English on request', async () => {
    const reply = await call(world, 'GET', '/organizations?q=%00', {
      token: tokens.dst,
      headers: { 'accept-language': 'en' },
    });
    expect((reply.body as { errors: { message: string }[] }).errors[0]?.message).toMatch(/NUL character/);
  });
});
