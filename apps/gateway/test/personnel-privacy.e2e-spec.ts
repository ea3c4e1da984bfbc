import type { ApplicationDto, AppointmentDto, ComplianceDto, PersonDto } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually } from '@tic/testing';

import { DEMO_UNITS } from '../../applications/dist/seed/demo-units';
import { call, PlatformWorld, type Reply } from './platform/platform-world';
import { approveOnceNoticeEnds, ORGS, publishNotice, shortlisted, step, today, tokensFor } from './platform/journey';
import { csvOf, residentId } from './support/rosters';

// Redis database index reserved for this file.
const REDIS_DB = 9;
const LINES_PER_DAY = 30;
const REGISTRATIONS_PER_DAY = 8;
const PROBLEM = /^application\/problem\+json/;
const UNIT_B = DEMO_UNITS.find((u) => u.name === '大连示范海洋工程研究院有限公司')?.id ?? '';

/**
 * Issue 9, the appointments IDOR and the resident-ID oracle, through the public API: two real units,
 * unit A with the center approved and filed for it, unit B with a key laboratory DST registered for
 * it, and a personnel service whose daily quotas are small enough to reach.
 */
describe('people of another unit stay out of reach (gateway, applications and personnel as processes)', () => {
  let world: PlatformWorld;
  let dst = '';
  let unitA = '';
  let unitB = '';
  let centerA = '';
  let labB = { id: '', name: '辽宁省隐私端到端重点实验室' };
  let serial = 140_000;
  const newNumber = () => residentId((serial += 1));

  beforeAll(async () => {
    world = await PlatformWorld.start('personnel-privacy', REDIS_DB, {
      PERSONNEL_QUOTA_ROSTER_LINES_PER_DAY: String(LINES_PER_DAY),
      PERSONNEL_QUOTA_REGISTRATIONS_PER_DAY: String(REGISTRATIONS_PER_DAY),
    });
    const tokens = await tokensFor(world);
    [dst, unitA, unitB] = [tokens.dst, tokens.supporting, await world.token('supporting_unit', UNIT_B)];
    let application: ApplicationDto = await shortlisted(world, tokens);
    await publishNotice(world, tokens, [application.id], addDays(today(), -10));
    application = await approveOnceNoticeEnds(world, tokens, application);
    centerA = (await step(world, tokens.dst, application, 'file')).centerId ?? '';
    const lab = await call<{ id: string }>(world, 'POST', '/platforms', {
      token: dst,
      body: { name: labB.name, kind: 'key_laboratory', supportingUnitId: UNIT_B },
    });
    labB = { ...labB, id: lab.body.id };
    await eventually(
      async () => {
        expect((await call(world, 'GET', `/platforms/${centerA}`, { token: unitA })).status).toBe(200);
      },
      20_000,
      200,
    );
  }, 240_000);

  afterAll(async () => {
    await world?.stop();
  });

  const registered = async (token: string, name: string, employerOrgId: string, idNumber = newNumber()) => {
    const reply = await call<PersonDto>(world, 'POST', '/people', { token, body: { name, idNumber, employerOrgId } });
    expect(reply.status).toBe(201);
    return { ...reply.body, idNumber };
  };
  const appoint = (token: string, platformId: string, who: { personId: string } | { idNumber: string }) =>
    call<AppointmentDto>(world, 'POST', '/appointments', {
      token,
      body: { platformId, ...who, role: 'researcher', kind: 'fixed', startsOn: today() },
    });
  const checkRoster = (token: string, body: Record<string, unknown>) =>
    call<{ conflicts: Record<string, unknown>[] }>(world, 'POST', '/roster-checks', { token, body });
  const upload = async (token: string, query: string, lines: (string | number)[][]) => {
    const response = await fetch(`${world.gatewayUrl}/api/v1/roster-checks${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: csvOf(['姓名', '身份证号', '人员类型'], lines),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  const problem = (reply: Pick<Reply, 'status' | 'headers' | 'body'>) => {
    expect(reply.headers.get('content-type')).toMatch(PROBLEM);
    return { status: reply.status, code: reply.body.code };
  };
  /** What two refusals must share to be indistinguishable (the correlation id and path differ by nature). */
  const answer = (reply: Reply) => {
    const { correlationId: _correlationId, instance: _instance, ...rest } = reply.body;
    return { status: reply.status, ...rest };
  };

  it('appointing another unit’s person by id is the 404 of an id that does not exist, and changes nothing', async () => {
    const theirs = await registered(unitB, '他单位研究员', UNIT_B);
    expect((await appoint(unitB, labB.id, { personId: theirs.id })).status).toBe(201);
    const compliance = () =>
      call<ComplianceDto>(world, 'GET', `/centers/${centerA}/compliance?year=${today().slice(0, 4)}`, { token: dst });
    const before = (await compliance()).body.findings;

    const byTheirId = await appoint(unitA, centerA, { personId: theirs.id });
    const byNoId = await appoint(unitA, centerA, { personId: '0192f6a0-7c1e-7d2a-9b3c-00000000dead' });
    expect(problem(byTheirId)).toEqual({ status: 404, code: 'person.not_found' });
    expect(answer(byTheirId)).toEqual(answer(byNoId));
    expect(JSON.stringify(byTheirId.body)).not.toContain('他单位研究员');

    const person = await call<PersonDto>(world, 'GET', `/people/${theirs.id}`, { token: dst });
    expect(person.body.posts.map((post) => post.platformId)).toEqual([labB.id]);
    expect((await compliance()).body.findings).toEqual(before);
    expect((await call(world, 'GET', `/people/${theirs.id}`, { token: unitA })).status).toBe(404);
  });

  it('appointing by the resident ID number the unit presents works, and A18 sees the post elsewhere', async () => {
    const theirs = await registered(unitB, '持号研究员', UNIT_B);
    expect((await appoint(unitB, labB.id, { personId: theirs.id })).status).toBe(201);
    const unknown = await appoint(unitA, centerA, { idNumber: newNumber() });
    expect(problem(unknown)).toEqual({ status: 404, code: 'person.not_found' });

    const presented = await appoint(unitA, centerA, { idNumber: theirs.idNumber });
    expect(presented.status).toBe(201);
    expect(presented.body).toMatchObject({ personId: theirs.id, personName: '持号研究员', status: 'awaiting_waiver' });
    expect(JSON.stringify(presented.body)).not.toContain(theirs.idNumber);
    const both = await call<PersonDto>(world, 'GET', `/people/${theirs.id}`, { token: dst });
    expect(both.body.posts.map((post) => post.platformId).sort()).toEqual([labB.id, centerA].sort());
  });

  it('a unit checks only the roster of its own platforms: 403 without platformId or with another unit’s, JSON or file', async () => {
    const rows = [{ name: '任意', idNumber: newNumber(), kind: 'fixed' }];
    expect(problem(await checkRoster(unitA, { rows }))).toEqual({ status: 403, code: 'roster.platform_required' });
    expect(problem(await checkRoster(unitA, { platformId: labB.id, rows }))).toEqual({
      status: 403,
      code: 'roster.own_platforms_only',
    });
    const line = [['任意', newNumber(), '固定']];
    expect(problem(await upload(unitA, '', line))).toEqual({ status: 403, code: 'roster.platform_required' });
    expect(problem(await upload(unitA, `?platformId=${labB.id}`, line))).toEqual({
      status: 403,
      code: 'roster.own_platforms_only',
    });
    expect((await checkRoster(dst, { rows })).status).toBe(200);
  });

  it('of a conflict on another platform, a unit learns only the platform’s name and since when; DST sees who', async () => {
    const theirs = await registered(unitB, '固定在别处', UNIT_B);
    expect((await appoint(unitB, labB.id, { personId: theirs.id })).status).toBe(201);
    const rows = [
      { name: '新人', idNumber: newNumber(), kind: 'fixed' },
      { name: '固定在别处', idNumber: theirs.idNumber, kind: 'fixed' },
    ];
    const mine = await checkRoster(unitA, { platformId: centerA, rows });
    expect(mine.status).toBe(200);
    expect(mine.body.conflicts).toEqual([{ row: 2, platformName: labB.name, since: today() }]);
    const file = await upload(unitA, `?platformId=${centerA}`, [['固定在别处', theirs.idNumber, '固定']]);
    expect(file.body.conflicts).toEqual([{ row: 2, platformName: labB.name, since: today() }]);

    const full = await checkRoster(dst, { platformId: centerA, rows });
    expect(full.body.conflicts).toEqual([
      expect.objectContaining({ row: 2, name: '固定在别处', personId: theirs.id, platformId: labB.id, since: today() }),
    ]);
  });

  it('registering a known number is a 409 person.already_registered that names nobody', async () => {
    const theirs = await registered(unitB, '已登记人员', UNIT_B);
    const again = await call(world, 'POST', '/people', {
      token: unitA,
      body: { name: '换个名字', idNumber: theirs.idNumber, employerOrgId: ORGS.supporting },
    });
    expect(problem(again)).toEqual({ status: 409, code: 'person.already_registered' });
    const said = JSON.stringify(again.body);
    for (const known of ['已登记人员', UNIT_B, theirs.id, theirs.idNumberMasked, theirs.idNumber])
      expect({ known, said: said.includes(known) }).toEqual({ known, said: false });
  });

  it('the employer corrects a person; the unit that registered them, not employing them, gets 403', async () => {
    const visitor = await registered(unitA, '来访学者', UNIT_B);
    const byRegistrant = await call(world, 'PUT', `/people/${visitor.id}`, {
      token: unitA,
      headers: { 'if-match': `W/"${visitor.version}"` },
      body: { title: '教授' },
    });
    expect(problem(byRegistrant)).toEqual({ status: 403, code: 'person.corrected_by_employer' });
    const byEmployer = await call<PersonDto>(world, 'PUT', `/people/${visitor.id}`, {
      token: unitB,
      headers: { 'if-match': `W/"${visitor.version}"` },
      body: { title: '研究员' },
    });
    expect(byEmployer).toMatchObject({ status: 200, body: { title: '研究员' } });
  });

  it('a user over the daily quota gets 429 quota_exceeded with Retry-After, JSON or file; another user is not affected', async () => {
    const quotaUser = await world.token('supporting_unit', ORGS.supporting, 'quota-e2e-user');
    const lines = (n: number) =>
      Array.from({ length: n }, () => ({ name: '职工', idNumber: newNumber(), kind: 'fixed' }));
    expect((await checkRoster(quotaUser, { platformId: centerA, rows: lines(LINES_PER_DAY) })).status).toBe(200);
    const over = await checkRoster(quotaUser, { platformId: centerA, rows: lines(1) });
    expect(problem(over)).toEqual({ status: 429, code: 'quota_exceeded' });
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    const file = await upload(quotaUser, `?platformId=${centerA}`, [['职工', newNumber(), '固定']]);
    expect(problem(file)).toEqual({ status: 429, code: 'quota_exceeded' });
    expect(Number(file.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await checkRoster(unitA, { platformId: centerA, rows: lines(1) })).status).toBe(200);

    for (let n = 0; n < REGISTRATIONS_PER_DAY; n += 1) await registered(quotaUser, `登记${n}`, ORGS.supporting);
    const register = await call(world, 'POST', '/people', {
      token: quotaUser,
      body: { name: '超额', idNumber: newNumber(), employerOrgId: ORGS.supporting },
    });
    expect(problem(register)).toEqual({ status: 429, code: 'quota_exceeded' });
    expect(Number(register.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
