import type { ApplicationDto, AppointmentDto, CloudEvent, ComplianceDto } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually, readAllEvents } from '@tic/testing';

import { DEMO_UNITS } from '../../applications/dist/seed/demo-units';
import { call, PlatformWorld, type Reply } from './platform/platform-world';
import {
  ORGS,
  approveOnceNoticeEnds,
  publishNotice,
  shortlisted,
  step,
  today,
  tokensFor,
  type Tokens,
} from './platform/journey';
import { residentId } from './support/rosters';

// Redis database index reserved for this file.
const REDIS_DB = 13;
const PROBLEM = /^application\/problem\+json/;
const unit = (name: string) => DEMO_UNITS.find((u) => u.name === name)?.id ?? '';
const OUTSIDE = unit('辽宁示范工业技术研究院');
const AGREEMENT = {
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
  workingTime: '每年在中心工作不少于6个月',
  tasks: '伺服控制方向联合攻关',
  documentRef: 'docs/agreements/9',
};

/**
 * Issue 4 through the public API: a center approved by the applications service reaches the personnel
 * registry over JetStream, and each rule of A14–A18 answers on both sides of its boundary over HTTP,
 * a refusal as problem+json with its rule and article.
 */
describe('the personnel registry through the gateway (gateway, applications and personnel as processes)', () => {
  let world: PlatformWorld;
  let tokens: Tokens;
  let centerId = '';
  let directorId = '';
  let serial = 90_000;

  beforeAll(async () => {
    world = await PlatformWorld.start('personnel-e2e', REDIS_DB);
    tokens = await tokensFor(world);
    let application: ApplicationDto = await shortlisted(world, tokens);
    await publishNotice(world, tokens, [application.id], addDays(today(), -10));
    application = await approveOnceNoticeEnds(world, tokens, application);
    application = await step(world, tokens.dst, application, 'file');
    centerId = application.centerId ?? '';
  }, 240_000);

  afterAll(async () => {
    await world?.stop();
  });

  const register = async (name: string, employerOrgId = ORGS.supporting) => {
    serial += 1;
    const reply = await call<{ id: string }>(world, 'POST', '/people', {
      token: tokens.supporting,
      body: { name, idNumber: residentId(serial), employerOrgId },
    });
    expect(reply.status).toBe(201);
    return reply.body.id;
  };
  const appoint = (body: Record<string, unknown>, token = tokens.supporting) =>
    call<AppointmentDto>(world, 'POST', '/appointments', {
      token,
      body: { platformId: centerId, kind: 'fixed', startsOn: today(), ...body },
    });
  const expectProblem = (reply: Reply, status: number, rule: string, article: string) => {
    expect(reply.headers.get('content-type')).toMatch(PROBLEM);
    expect({ status: reply.status, rule: reply.body.rule, article: reply.body.article }).toEqual({
      status,
      rule,
      article,
    });
  };

  it('receives the approved center from the applications service as a platform, in the units’ scopes', async () => {
    const platform = await eventually(
      async () => {
        const reply = await call<{ kind: string; name: string }>(world, 'GET', `/platforms/${centerId}`, {
          token: tokens.supporting,
        });
        expect(reply.status).toBe(200);
        return reply.body;
      },
      20_000,
      200,
    );
    expect(platform).toMatchObject({ kind: 'technology_innovation_center', name: '辽宁省智能制造技术创新中心' });
    expect((await call(world, 'GET', `/platforms/${centerId}`, { token: tokens.otherConstruction })).status).toBe(404);
  });

  it('A15 over HTTP: a director from outside the supporting unit is a 422 naming 第十五条; one from it starts the filing deadline and files', async () => {
    const outsider = await register('赵教授', ORGS.coBuilder);
    expectProblem(
      await appoint({ personId: outsider, role: 'director', decidedOn: today(), committeeReviewedOn: today() }),
      422,
      'A15-director',
      '第十五条',
    );
    const missing = await appoint({ personId: outsider, role: 'director' });
    expect(missing.status).toBe(400);
    expect((missing.body as unknown as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'decidedOn',
      'committeeReviewedOn',
    ]);

    // A15: the management committee reviews the director at a meeting it records, before the unit decides.
    const formed = await call(world, 'PUT', `/centers/${centerId}/committees/management`, {
      token: tokens.supporting,
      body: {
        termStartsOn: today(),
        termEndsOn: addDays(today(), 1000),
        members: [{ personId: await register('依托单位副总'), isChair: true }],
      },
    });
    expect(formed.status).toBe(200);
    const unreviewed = await appoint({
      personId: await register('未审议主任'),
      role: 'director',
      decidedOn: today(),
      committeeReviewedOn: addDays(today(), -1),
    });
    expect(unreviewed.status).toBe(422);
    expect(unreviewed.body).toMatchObject({ code: 'appointment.committee_review_not_recorded', article: '第十五条' });
    const meeting = await call(world, 'POST', `/centers/${centerId}/committees/management/meetings`, {
      token: tokens.supporting,
      body: { heldOn: today(), attendees: 1, minutesRef: 'docs/minutes/director' },
    });
    expect([200, 201]).toContain(meeting.status);
    const director = await appoint({
      personId: await register('钱主任'),
      role: 'director',
      decidedOn: today(),
      committeeReviewedOn: today(),
    });
    expect(director.status).toBe(201);
    expect(director.body.directorFiling).toMatchObject({ state: 'pending', decidedOn: today() });
    directorId = director.body.id;
    const filed = await call<AppointmentDto>(world, 'POST', `/appointments/${director.body.id}/filing`, {
      token: tokens.supporting,
      headers: { 'if-match': `W/"${director.body.version}"` },
      body: {},
    });
    expect(filed.status).toBe(200);
    const stale = await call(world, 'POST', `/appointments/${director.body.id}/filing`, {
      token: tokens.supporting,
      headers: { 'if-match': `W/"${director.body.version}"` },
      body: {},
    });
    expect(stale.status).toBe(409);
    const events: CloudEvent[] = await eventually(async () => {
      const changed = (await readAllEvents(world.nats)).filter((e) => e.type === 'tic.personnel.director_changed');
      expect(changed).toHaveLength(1);
      return changed;
    });
    expect(events[0]).toMatchObject({
      source: '/tic/personnel',
      subject: director.body.id,
      aggregateversion: 1,
      data: { centerId, directorName: '钱主任', filedWithinPeriod: true },
    });
  });

  it('A14 and A18 over HTTP: a fourth deputy and a person fixed elsewhere wait for DST; floating staff need their agreement', async () => {
    for (const name of ['吴副主任', '郑副主任', '冯副主任'])
      expect((await appoint({ personId: await register(name), role: 'deputy_director' })).body.status).toBe('active');
    const fourth = await appoint({ personId: await register('陈副主任'), role: 'deputy_director' });
    expect(fourth.body).toMatchObject({
      status: 'awaiting_waiver',
      findings: expect.arrayContaining([expect.objectContaining({ rule: 'A14-deputies', passed: false })]) as unknown,
    });
    const waived = await call<AppointmentDto>(world, 'POST', `/appointments/${fourth.body.id}/waivers`, {
      token: tokens.dst,
      headers: { 'if-match': `W/"${fourth.body.version}"` },
      body: { rule: 'A14-deputies', reason: '承担国家重大专项' },
    });
    expect(waived).toMatchObject({ status: 201, body: { status: 'active' } });

    // Registered by the supporting unit: the construction unit names the visitor by the number it holds.
    serial += 1;
    const visitor = residentId(serial);
    expect(
      (
        await call(world, 'POST', '/people', {
          token: tokens.supporting,
          body: { name: '周访问学者', idNumber: visitor, employerOrgId: OUTSIDE },
        })
      ).status,
    ).toBe(201);
    expectProblem(
      await appoint({ idNumber: visitor, role: 'researcher', kind: 'floating' }, tokens.construction),
      422,
      'A18-floating-agreement',
      '第十八条',
    );
    expect(
      (
        await appoint(
          { idNumber: visitor, role: 'researcher', kind: 'floating', agreement: AGREEMENT },
          tokens.construction,
        )
      ).status,
    ).toBe(201);

    const lab = await call<{ id: string }>(world, 'POST', '/platforms', {
      token: tokens.dst,
      body: { name: '辽宁省端到端人员重点实验室', kind: 'key_laboratory', supportingUnitId: OUTSIDE },
    });
    serial += 1;
    const labNumber = residentId(serial);
    expect(
      (
        await call(world, 'POST', `/platforms/${lab.body.id}/roster`, {
          token: tokens.dst,
          body: {
            rows: [
              { name: '林工程师', idNumber: labNumber, kind: 'fixed', role: 'researcher', startsOn: '2021-09-01' },
            ],
          },
        })
      ).status,
    ).toBe(200);
    // On file from the laboratory's roster: registering the number again is refused, and says nothing of
    // the person; the unit appoints them by the number it holds (issue 9).
    const again = await call(world, 'POST', '/people', {
      token: tokens.supporting,
      body: { name: '林工程师', idNumber: labNumber, employerOrgId: ORGS.supporting },
    });
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'person.already_registered',
    });
    const held = await appoint({ idNumber: labNumber, role: 'researcher' });
    expect(held.body.status).toBe('awaiting_waiver');
    expect(held.body.findings).toContainEqual(
      expect.objectContaining({
        rule: 'A18-one-platform',
        details: { platformId: lab.body.id, platformName: '辽宁省端到端人员重点实验室', since: '2021-09-01' },
      }),
    );
    const duplicate = await eventually(async () => {
      const found = (await readAllEvents(world.nats)).filter((e) => e.type === 'tic.personnel.duplicate_found');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(JSON.stringify([duplicate, held.body, again.body])).not.toContain(labNumber);
  });

  it('A16/A17 and the compliance read over HTTP: hard rules refuse the committee, the size is kept as a finding, every finding is read back', async () => {
    // Each member a person the supporting unit registers with that employer (DOMAIN.md §3: the registry decides).
    const put = async (
      kind: string,
      members: { name: string; orgId: string; isChair?: boolean }[],
      version?: number,
    ) => {
      const named = [];
      for (const { name, orgId, isChair } of members)
        named.push({ personId: await register(name, orgId), ...(isChair ? { isChair } : {}) });
      return call<{ version: number; findings: { rule: string; passed: boolean }[] }>(
        world,
        'PUT',
        `/centers/${centerId}/committees/${kind}`,
        {
          token: tokens.supporting,
          body: {
            termStartsOn: today(),
            termEndsOn: addDays(today(), 1000),
            members: named,
            ...(version === undefined ? {} : { version }),
          },
        },
      );
    };
    expectProblem(
      await put('management', [
        { name: '依托单位副总', orgId: ORGS.supporting },
        { name: '外聘专家', orgId: OUTSIDE },
      ]),
      422,
      'A16-mgmt-committee',
      '第十六条',
    );
    // Formed for the director's review (A15); re-formed here at its version.
    const management = await call<{ version: number }>(world, 'GET', `/centers/${centerId}/committees/management`, {
      token: tokens.supporting,
    });
    expect(
      (
        await put(
          'management',
          [{ name: '依托单位副总', orgId: ORGS.supporting, isChair: true }],
          management.body.version,
        )
      ).status,
    ).toBe(200);
    const outsiders = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `外单位专家${i + 1}`, orgId: OUTSIDE }));
    const chair = { name: '外单位院士', orgId: OUTSIDE, isChair: true };
    expectProblem(
      await put('advisory', [
        chair,
        ...outsiders(3),
        { name: '依托单位专家1', orgId: ORGS.supporting },
        { name: '依托单位专家2', orgId: ORGS.supporting },
        { name: '共建单位专家', orgId: ORGS.coBuilder },
      ]),
      422,
      'A17-insiders',
      '第十七条',
    );
    expectProblem(
      await put('advisory', [{ ...chair, orgId: ORGS.supporting }, ...outsiders(6)]),
      422,
      'A17-chair',
      '第十七条',
    );
    const six = await put('advisory', [chair, ...outsiders(5)]);
    expect(six.status).toBe(200);
    expect(six.body.findings).toContainEqual(expect.objectContaining({ rule: 'A17-size', passed: false }));

    const compliance = await call<ComplianceDto>(
      world,
      'GET',
      `/centers/${centerId}/compliance?year=${today().slice(0, 4)}`,
      { token: tokens.recommender },
    );
    expect(compliance.status).toBe(200);
    expect(compliance.body.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining([
        'A14-deputies',
        'A15-director',
        'A16-mgmt-committee',
        'A16-meeting',
        'A17-size',
        'A17-insiders',
        'A17-chair',
        'A17-meeting',
        'A18-fixed-count',
        'A18-one-platform',
        'A19-aux-staff',
      ]),
    );
    // The director and four deputies are active fixed staff (the researcher fixed elsewhere still waits for DST): five, under A18's ten.
    expect(compliance.body.findings).toContainEqual(
      expect.objectContaining({ rule: 'A18-fixed-count', passed: false, details: { fixedStaff: 5, minimum: 10 } }),
    );
    expect(compliance.body).toMatchObject({ blocking: [], compliant: false });
    expect(compliance.body.unwaived).toEqual(expect.arrayContaining(['A17-size', 'A18-fixed-count']));
    const otherUnit = await world.token('supporting_unit', unit('大连示范海洋工程研究院有限公司'));
    expect((await call(world, 'GET', `/centers/${centerId}/compliance`, { token: otherUnit })).status).toBe(404);
  });

  it('a malformed resident ID number is a 400 naming the field, in Chinese by default, without the number', async () => {
    serial += 1;
    const valid = residentId(serial);
    const wrong = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;
    const reply = await call(world, 'POST', '/people', {
      token: tokens.supporting,
      body: { name: '李娜', idNumber: wrong, employerOrgId: ORGS.supporting },
    });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(PROBLEM);
    expect((reply.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['idNumber']);
    expect(JSON.stringify(reply.body)).not.toContain(wrong);
  });

  it('issue 10 over HTTP: compliance on a date judges A18 agreements then; a director ended without a successor is an A15 decision, filed', async () => {
    // The visiting researcher's agreement (A18) runs to 2027-12-31: covered on its last day, expired the day after.
    const on = async (date: string) =>
      call<ComplianceDto>(world, 'GET', `/centers/${centerId}/compliance?on=${date}`, { token: tokens.dst });
    const lastDay = await on('2027-12-31');
    expect(lastDay.body).toMatchObject({ on: '2027-12-31', year: 2027 });
    expect(lastDay.body.findings).toContainEqual(
      expect.objectContaining({ rule: 'A18-floating-agreement', passed: true }),
    );
    const expired = await on('2028-01-01');
    expect(expired.body.blocking).toContain('A18-floating-agreement');

    const end = async (body: Record<string, unknown>) => {
      const current = await call<AppointmentDto>(world, 'GET', `/appointments/${directorId}`, {
        token: tokens.supporting,
      });
      return call<AppointmentDto>(world, 'POST', `/appointments/${directorId}/end`, {
        token: tokens.supporting,
        headers: { 'if-match': `W/"${current.body.version}"` },
        body: { endsOn: today(), ...body },
      });
    };
    const undecided = await end({});
    expect(undecided.status).toBe(400);
    expect((undecided.body as unknown as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'decidedOn',
      'committeeReviewedOn',
    ]);
    const future = await end({ decidedOn: addDays(today(), 1), committeeReviewedOn: today() });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('第十五条');
    const ended = await end({ decidedOn: today(), committeeReviewedOn: today() });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      status: 'ended',
      directorFiling: { change: 'ended_without_successor', decidedOn: today(), state: 'pending' },
    });
    const filed = await call<AppointmentDto>(world, 'POST', `/appointments/${directorId}/filing`, {
      token: tokens.supporting,
      headers: { 'if-match': `W/"${ended.body.version}"` },
      body: {},
    });
    expect(filed.status).toBe(200);
    await eventually(async () => {
      const changed = (await readAllEvents(world.nats)).filter(
        (e) => e.type === 'tic.personnel.director_changed' && e.subject === directorId,
      );
      expect(changed.map((e) => (e.data as { change?: string }).change)).toEqual([
        'appointed',
        'ended_without_successor',
      ]);
    });
  });

  it('the registry’s hierarchy reaches personnel: a director employed by a department DST registers below the construction unit passes A15', async () => {
    // The center has no director now (ended above); its management committee met today.
    const department = await call<{ id: string }>(world, 'POST', '/organizations', {
      token: tokens.dst,
      body: { name: '中央研究院伺服控制研究所', kind: 'enterprise', legalPerson: false, parentId: ORGS.construction },
    });
    expect(department.status).toBe(201);
    const employee = await register('周所长', department.body.id);
    // tic.organization.registered travels from the applications outbox over JetStream; until it lands,
    // the department is an unknown unit and A15 refuses (changing nothing), so the appointment is retried.
    const director = await eventually(
      async () => {
        const reply = await appoint({
          personId: employee,
          role: 'director',
          decidedOn: today(),
          committeeReviewedOn: today(),
        });
        expect(reply.status).toBe(201);
        return reply.body;
      },
      20_000,
      200,
    );
    expect(director.status).toBe('active');
    const compliance = await call<ComplianceDto>(world, 'GET', `/centers/${centerId}/compliance`, {
      token: tokens.dst,
    });
    expect(compliance.body.findings).toContainEqual(
      expect.objectContaining({
        rule: 'A15-director',
        passed: true,
        details: { fromSupportingUnit: true, fullTime: true },
      }),
    );
  });
});
