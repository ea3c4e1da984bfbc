import { v4 as uuidv4 } from 'uuid';

import {
  CenterRevoked,
  CheckRoster,
  CreateAppointment,
  createEvent,
  EndAppointment,
  FileDirectorAppointment,
  GetAppointment,
  ImportPlatformRoster,
  ListAppointments,
  RegisterPerson,
  RegisterPlatform,
  type RpcRequest,
  WaiveAppointmentRule,
} from '@tic/contracts';
import type { Caller } from '@tic/platform';
import { eventually, publishEvents, readAllEvents } from '@tic/testing';

import { CALLERS, newIdNumber, ORGS, refusal, runningPersonnel } from './harness';

const AGREEMENT = {
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
  workingTime: '每年在中心工作不少于6个月',
  tasks: '牵头伺服控制方向攻关',
  documentRef: 'docs/agreements/2026-017',
};

describe('appointments under A14, A15 and A18 (real Postgres, NATS, Redis)', () => {
  const service = runningPersonnel('appointments');
  const person = async (name: string, employerOrgId: string = ORGS.supporting, idNumber = newIdNumber()) =>
    service.rpc.request(RegisterPerson, { name, idNumber, employerOrgId }, { caller: CALLERS.supporting });
  const appoint = (
    input: Omit<RpcRequest<typeof CreateAppointment>, 'startsOn'> & { startsOn?: string },
    caller: Caller = CALLERS.supporting,
  ) => service.rpc.request(CreateAppointment, { startsOn: '2026-11-02', ...input }, { caller });

  it('A15: refuses a director from outside the supporting unit or not full-time, and files the one who is', async () => {
    const centerId = await service.establishCenter();
    const outsider = await person('赵教授', ORGS.coBuilder);
    const refused = await refusal(
      appoint({
        platformId: centerId,
        personId: outsider.id,
        role: 'director',
        kind: 'fixed',
        decidedOn: '2026-11-02',
        committeeReviewedOn: '2026-10-30',
      }),
    );
    expect(refused).toMatchObject({ code: 'rule_violation', rule: 'A15-director', article: '第十五条' });

    const insider = await person('钱研究员');
    // Issue 10: full-time is the employment the employer records on the person, not the post's kind.
    const partTimer = await service.rpc.request(
      RegisterPerson,
      { name: '孙兼职', idNumber: newIdNumber(), employerOrgId: ORGS.supporting, fullTime: false },
      { caller: CALLERS.supporting },
    );
    const partTime = await refusal(
      appoint({
        platformId: centerId,
        personId: partTimer.id,
        role: 'director',
        kind: 'fixed',
        decidedOn: '2026-11-02',
        committeeReviewedOn: '2026-10-30',
      }),
    );
    expect(partTime).toMatchObject({ code: 'rule_violation', rule: 'A15-director' });
    const undated = await refusal(
      appoint({ platformId: centerId, personId: insider.id, role: 'director', kind: 'fixed' }),
    );
    expect(undated.errors?.map((e) => e.path)).toEqual(['decidedOn', 'committeeReviewedOn']);
    expect(
      (
        await refusal(
          appoint(
            {
              platformId: centerId,
              personId: insider.id,
              role: 'director',
              kind: 'fixed',
              decidedOn: '2026-11-02',
              committeeReviewedOn: '2026-10-30',
            },
            CALLERS.construction,
          ),
        )
      ).code,
    ).toBe('forbidden');

    await service.reviewDirector(centerId, '2026-10-30');
    const director = await appoint({
      platformId: centerId,
      personId: insider.id,
      role: 'director',
      kind: 'fixed',
      decidedOn: '2026-11-02',
      committeeReviewedOn: '2026-10-30',
    });
    // 30 working days from Monday 2 November 2026: six full weeks, no holiday in between.
    expect(director).toMatchObject({
      status: 'active',
      directorFiling: { decidedOn: '2026-11-02', dueOn: '2026-12-14', state: 'pending', filedOn: null },
    });

    const filed = await service.rpc.request(
      FileDirectorAppointment,
      { id: director.id, version: director.version, filedOn: '2026-11-20', documentRef: '辽科备〔2026〕12号' },
      { caller: CALLERS.supporting },
    );
    expect(filed.directorFiling).toMatchObject({ state: 'filed', filedOn: '2026-11-20', filedWithinPeriod: true });

    // A change of director: the one in office leaves on the decision day, and the filing names both.
    const successor = await person('孙博士');
    await service.reviewDirector(centerId, '2026-11-24');
    const change = await appoint({
      platformId: centerId,
      personId: successor.id,
      role: 'director',
      kind: 'fixed',
      startsOn: '2026-11-25',
      decidedOn: '2026-11-25',
      committeeReviewedOn: '2026-11-24',
    });
    await expect(
      service.rpc.request(GetAppointment, { id: director.id }, { caller: CALLERS.supporting }),
    ).resolves.toMatchObject({ status: 'ended', endsOn: '2026-11-25' });
    await service.rpc.request(
      FileDirectorAppointment,
      { id: change.id, version: change.version },
      { caller: CALLERS.supporting },
    );
    await eventually(async () => {
      const events = (await readAllEvents(service.nats)).filter((e) => e.type === 'tic.personnel.director_changed');
      expect(events.map((e) => e.data)).toEqual([
        expect.objectContaining({
          centerId,
          directorName: '钱研究员',
          decidedOn: '2026-11-02',
          filedOn: '2026-11-20',
          filedWithinPeriod: true,
        }),
        expect.objectContaining({
          centerId,
          directorName: '孙博士',
          previousDirectorName: '钱研究员',
          decidedOn: '2026-11-25',
          filedWithinPeriod: true,
        }),
      ]);
    });
  });

  it('A18: a floating staff member needs a complete work agreement (hard)', async () => {
    const centerId = await service.establishCenter();
    // Registered by the supporting unit: the construction unit names the visitor by their number.
    const visitorNumber = newIdNumber();
    await person('周访问学者', ORGS.outsideExpertOrg, visitorNumber);
    const without = await refusal(
      appoint(
        { platformId: centerId, idNumber: visitorNumber, role: 'researcher', kind: 'floating' },
        CALLERS.construction,
      ),
    );
    expect(without).toMatchObject({ code: 'rule_violation', rule: 'A18-floating-agreement', article: '第十八条' });
    const blankTasks = await refusal(
      appoint(
        {
          platformId: centerId,
          idNumber: visitorNumber,
          role: 'researcher',
          kind: 'floating',
          agreement: { ...AGREEMENT, tasks: ' ' },
        },
        CALLERS.construction,
      ),
    );
    expect(blankTasks).toMatchObject({ rule: 'A18-floating-agreement' });
    const withAgreement = await appoint(
      { platformId: centerId, idNumber: visitorNumber, role: 'researcher', kind: 'floating', agreement: AGREEMENT },
      CALLERS.construction,
    );
    expect(withAgreement).toMatchObject({ status: 'active', agreement: AGREEMENT });
  });

  it('A14: a fourth deputy director waits for a DST waiver; three do not', async () => {
    const centerId = await service.establishCenter();
    for (const name of ['吴副主任', '郑副主任', '冯副主任']) {
      expect(
        await appoint({
          platformId: centerId,
          personId: (await person(name)).id,
          role: 'deputy_director',
          kind: 'fixed',
        }),
      ).toMatchObject({ status: 'active' });
    }
    const fourth = await appoint({
      platformId: centerId,
      personId: (await person('陈副主任')).id,
      role: 'deputy_director',
      kind: 'fixed',
    });
    expect(fourth.status).toBe('awaiting_waiver');
    expect(fourth.findings).toContainEqual(
      expect.objectContaining({
        rule: 'A14-deputies',
        article: '第十四条',
        severity: 'principle',
        passed: false,
        details: { deputies: 4, maximum: 3 },
      }),
    );

    expect(
      (
        await refusal(
          service.rpc.request(
            WaiveAppointmentRule,
            { id: fourth.id, version: fourth.version, rule: 'A14-deputies', reason: '重大项目需要' },
            { caller: CALLERS.supporting },
          ),
        )
      ).code,
    ).toBe('forbidden');
    expect(
      await refusal(
        service.rpc.request(
          WaiveAppointmentRule,
          { id: fourth.id, version: fourth.version, rule: 'A15-director', reason: '不可豁免的刚性规定' },
          { caller: CALLERS.dst },
        ),
      ),
    ).toMatchObject({ code: 'rule_violation', rule: 'A15-director' });
    const waived = await service.rpc.request(
      WaiveAppointmentRule,
      { id: fourth.id, version: fourth.version, rule: 'A14-deputies', reason: '承担国家重大专项，临时增设一名副主任' },
      { caller: CALLERS.dst },
    );
    expect(waived).toMatchObject({
      status: 'active',
      waivers: [expect.objectContaining({ rule: 'A14-deputies', recordedBy: '省科技厅王处长' })],
    });
    const awaiting = await service.rpc.request(
      ListAppointments,
      { limit: 50, status: 'awaiting_waiver' },
      { caller: CALLERS.dst },
    );
    expect(awaiting.items.map((a) => a.id)).not.toContain(fourth.id);
  });

  it('A18 one platform: a fixed post elsewhere is reported with the platform and since when, waits for DST, and is announced without the ID number', async () => {
    const keyLab = await service.rpc.request(
      RegisterPlatform,
      {
        name: '辽宁省先进制造重点实验室',
        kind: 'key_laboratory',
        supportingUnitId: ORGS.otherSupporting,
        recommenderId: ORGS.otherRecommender,
      },
      { caller: CALLERS.dst },
    );
    const idNumber = newIdNumber();
    const imported = await service.rpc.request(
      ImportPlatformRoster,
      {
        platformId: keyLab.id,
        rows: [{ name: '林工程师', idNumber, kind: 'fixed', role: 'researcher', startsOn: '2021-09-01' }],
      },
      { caller: CALLERS.dst },
    );
    expect(imported).toEqual({ imported: 1, updated: 0, problems: [] });

    const centerId = await service.establishCenter();
    // Registered by the import: the unit names them by the number it holds (issue 9).
    const floating = await appoint(
      { platformId: centerId, idNumber, role: 'researcher', kind: 'floating', agreement: AGREEMENT },
      CALLERS.construction,
    );
    expect(floating).toMatchObject({ status: 'active', personName: '林工程师' });
    const lin = { id: floating.personId };

    const otherCenter = await service.establishCenter();
    const fixed = await appoint(
      { platformId: otherCenter, personId: lin.id, role: 'researcher', kind: 'fixed' },
      CALLERS.construction,
    );
    expect(fixed.status).toBe('awaiting_waiver');
    expect(fixed.findings).toContainEqual(
      expect.objectContaining({
        rule: 'A18-one-platform',
        article: '第十八条',
        severity: 'principle',
        passed: false,
        details: { platformId: keyLab.id, platformName: '辽宁省先进制造重点实验室', since: '2021-09-01' },
      }),
    );

    const events = await eventually(async () => {
      const found = (await readAllEvents(service.nats)).filter((e) => e.type === 'tic.personnel.duplicate_found');
      expect(found.map((e) => e.data)).toContainEqual(
        expect.objectContaining({
          personId: lin.id,
          platformId: otherCenter,
          conflictingPlatformId: keyLab.id,
          conflictingSince: '2021-09-01',
          rule: 'A18-one-platform',
        }),
      );
      return found;
    });
    expect(JSON.stringify(events)).not.toContain(idNumber);
  });

  it('issue 9: a unit appoints only someone it sees, or whose number it presents; anyone else is the same 404 as an id that does not exist', async () => {
    const theirCenter = await service.establishCenter({
      supportingUnitId: ORGS.otherSupporting,
      constructionUnitId: ORGS.otherSupporting,
    });
    const idNumber = newIdNumber();
    const theirs = await service.rpc.request(
      RegisterPerson,
      { name: '他单位主任', idNumber, employerOrgId: ORGS.otherSupporting },
      { caller: CALLERS.otherSupporting },
    );
    await appoint(
      { platformId: theirCenter, personId: theirs.id, role: 'researcher', kind: 'fixed' },
      CALLERS.otherSupporting,
    );
    const myCenter = await service.establishCenter();

    const byId = await refusal(
      appoint({ platformId: myCenter, personId: theirs.id, role: 'researcher', kind: 'fixed' }),
    );
    const noSuchId = await refusal(
      appoint({ platformId: myCenter, personId: uuidv4(), role: 'researcher', kind: 'fixed' }),
    );
    const noSuchNumber = await refusal(
      appoint({ platformId: myCenter, idNumber: newIdNumber(), role: 'researcher', kind: 'fixed' }),
    );
    expect(byId).toEqual(noSuchId);
    expect(noSuchNumber).toEqual(noSuchId);
    expect(byId).toMatchObject({ code: 'not_found', reason: 'person.not_found' });
    expect(JSON.stringify(byId)).not.toContain('他单位主任');
    const posts = await service.rpc.request(
      ListAppointments,
      { limit: 10, personId: theirs.id },
      { caller: CALLERS.dst },
    );
    expect(posts.items.map((a) => a.platformId)).toEqual([theirCenter]);

    const presented = await appoint({ platformId: myCenter, idNumber, role: 'researcher', kind: 'fixed' });
    expect(presented).toMatchObject({ personId: theirs.id, personName: '他单位主任', status: 'awaiting_waiver' });
    const neither = await refusal(appoint({ platformId: myCenter, role: 'researcher', kind: 'fixed' }));
    expect(neither).toMatchObject({
      code: 'invalid_input',
      errors: [{ path: 'personId', message: expect.any(String) }],
    });
  });

  it('checks a 500-line roster in one call: every conflict with its line, bad lines named, floating lines never conflicts', async () => {
    const keyLab = await service.rpc.request(
      RegisterPlatform,
      {
        name: '辽宁省工业机器人工程研究中心',
        kind: 'engineering_research_center',
        supportingUnitId: ORGS.otherSupporting,
      },
      { caller: CALLERS.dst },
    );
    const rows: { name: string; idNumber: string; kind: 'fixed' | 'floating' }[] = Array.from(
      { length: 500 },
      (_, i) => ({ name: `员工${i + 1}`, idNumber: newIdNumber(), kind: 'fixed' }),
    );
    const fixedElsewhere = [17, 250, 499];
    await service.rpc.request(
      ImportPlatformRoster,
      {
        platformId: keyLab.id,
        rows: fixedElsewhere.map((line) => ({
          name: rows[line - 1]!.name,
          idNumber: rows[line - 1]!.idNumber,
          kind: 'fixed' as const,
          role: 'researcher' as const,
          startsOn: '2023-03-01',
        })),
      },
      { caller: CALLERS.dst },
    );
    rows[99] = { ...rows[99]!, kind: 'floating' as const, idNumber: rows[16]!.idNumber.toLowerCase() };
    rows[199] = { ...rows[199]!, idNumber: '210102198001011234' };
    rows[299] = { ...rows[299]!, idNumber: rows[249]!.idNumber };

    const centerId = await service.establishCenter();
    const result = await service.rpc.request(
      CheckRoster,
      { platformId: centerId, rows },
      { caller: CALLERS.supporting },
    );
    expect(result.checked).toBe(500);
    expect(result.conflicts.map((c) => [c.row, c.platformName, c.since])).toEqual([
      [17, '辽宁省工业机器人工程研究中心', '2023-03-01'],
      [250, '辽宁省工业机器人工程研究中心', '2023-03-01'],
      // A line that repeats another's number is named as a repeat, and conflicts as that line does.
      [300, '辽宁省工业机器人工程研究中心', '2023-03-01'],
      [499, '辽宁省工业机器人工程研究中心', '2023-03-01'],
    ]);
    // Issue 9: a unit learns of a conflict elsewhere the platform and since when, nothing about the post.
    expect(Object.keys(result.conflicts[0] ?? {}).sort()).toEqual(['platformName', 'row', 'since']);
    const asDst = await service.rpc.request(CheckRoster, { platformId: centerId, rows }, { caller: CALLERS.dst });
    expect(asDst.conflicts[0]).toMatchObject({
      row: 17,
      name: '员工17',
      platformId: keyLab.id,
      idNumberMasked: `${rows[16]!.idNumber.slice(0, 4)}**********${rows[16]!.idNumber.slice(-4)}`,
    });
    expect(result.problems).toEqual([
      { row: 100, path: 'idNumber', message: 'repeats the number on line 17' },
      { row: 200, path: 'idNumber', message: expect.any(String) as string },
      { row: 300, path: 'idNumber', message: 'repeats the number on line 250' },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/\d{17}[\dX]/);
  });

  it('A18 under concurrency: two platforms appointing the same person at the same moment cannot both miss the other', async () => {
    const [first, second] = [
      await service.establishCenter(),
      await service.establishCenter({
        supportingUnitId: ORGS.otherSupporting,
        constructionUnitId: ORGS.otherSupporting,
      }),
    ];
    for (let round = 0; round < 5; round += 1) {
      const idNumber = newIdNumber();
      const mine = await person(`并发${round}`, ORGS.supporting, idNumber);
      const results = await Promise.all([
        appoint({ platformId: first, personId: mine.id, role: 'researcher', kind: 'fixed' }),
        appoint({ platformId: second, idNumber, role: 'researcher', kind: 'fixed' }, CALLERS.otherSupporting),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['active', 'awaiting_waiver']);
    }
  });

  it('a revoked center binds no one any more: its fixed staff may be fixed elsewhere, and it takes no new appointments', async () => {
    const revoked = await service.establishCenter();
    const idNumber = newIdNumber();
    const staff = await person('撤销中心研究员', ORGS.supporting, idNumber);
    await appoint({ platformId: revoked, personId: staff.id, role: 'researcher', kind: 'fixed' });
    const before = await service.rpc.request(
      CheckRoster,
      { rows: [{ name: '撤销中心研究员', idNumber, kind: 'fixed' }] },
      { caller: CALLERS.dst },
    );
    expect(before.conflicts.map((c) => ('platformId' in c ? c.platformId : undefined))).toEqual([revoked]);

    await publishEvents(service.nats, [
      createEvent(CenterRevoked, {
        id: uuidv4(),
        subject: revoked,
        time: new Date().toISOString(),
        aggregateVersion: 2,
        data: {
          centerId: revoked,
          name: { zh: '被撤销的中心', en: 'Revoked center' },
          ground: 3,
          grounds: [3],
          article: '第三十一条第（三）项',
          reason: '连续两年未提交年度报告',
          revokedOn: '2026-11-27',
          actor: { userId: 'dst-1', name: '省科技厅', role: 'dst_admin' },
        },
      }),
    ]);
    await eventually(
      async () => {
        const after = await service.rpc.request(
          CheckRoster,
          { rows: [{ name: '撤销中心研究员', idNumber, kind: 'fixed' }] },
          { caller: CALLERS.dst },
        );
        expect(after.conflicts).toEqual([]);
      },
      15_000,
      100,
    );
    const refused = await refusal(
      appoint({ platformId: revoked, personId: (await person('新研究员')).id, role: 'researcher', kind: 'fixed' }),
    );
    expect(refused.code).toBe('conflict');
  });

  it('lets only the supporting unit end a director’s appointment (A15)', async () => {
    const centerId = await service.establishCenter();
    await service.reviewDirector(centerId, '2026-10-30');
    await service.reviewDirector(centerId, '2026-11-19');
    const director = await appoint({
      platformId: centerId,
      personId: (await person('韩主任')).id,
      role: 'director',
      kind: 'fixed',
      decidedOn: '2026-11-02',
      committeeReviewedOn: '2026-10-30',
    });
    const byConstruction = await refusal(
      service.rpc.request(
        EndAppointment,
        { id: director.id, version: director.version, endsOn: '2026-11-27' },
        { caller: CALLERS.construction },
      ),
    );
    expect(byConstruction.code).toBe('forbidden');
    const filed = await service.rpc.request(
      FileDirectorAppointment,
      { id: director.id, version: director.version, filedOn: '2026-11-05' },
      { caller: CALLERS.supporting },
    );
    // Issue 10, A15: the end of a director's post without a successor is decided after the committee's review.
    await expect(
      service.rpc.request(
        EndAppointment,
        {
          id: director.id,
          version: filed.version,
          endsOn: '2026-11-27',
          decidedOn: '2026-11-20',
          committeeReviewedOn: '2026-11-19',
        },
        { caller: CALLERS.supporting },
      ),
    ).resolves.toMatchObject({ status: 'ended', directorFiling: { change: 'ended_without_successor' } });
  });

  it('counts a post whose end date has passed for nothing: the person may be appointed again, and a lapsed deputy is not one of three', async () => {
    const centerId = await service.establishCenter();
    const lapsed = await person('杨前副主任');
    await appoint({
      platformId: centerId,
      personId: lapsed.id,
      role: 'deputy_director',
      kind: 'fixed',
      startsOn: '2019-01-01',
      endsOn: '2021-12-31',
    });
    for (const name of ['副主任乙', '副主任丙'])
      await appoint({
        platformId: centerId,
        personId: (await person(name)).id,
        role: 'deputy_director',
        kind: 'fixed',
      });
    expect(
      (
        await appoint({
          platformId: centerId,
          personId: (await person('副主任丁')).id,
          role: 'deputy_director',
          kind: 'fixed',
        })
      ).status,
    ).toBe('active');
    expect(
      (await appoint({ platformId: centerId, personId: lapsed.id, role: 'researcher', kind: 'fixed' })).status,
    ).toBe('active');
  });

  it('A18 compares the new post’s own period with the posts elsewhere: one that ends before it starts is no conflict', async () => {
    const lab = await service.rpc.request(
      RegisterPlatform,
      { name: '辽宁省期限测试重点实验室', kind: 'key_laboratory', supportingUnitId: ORGS.otherSupporting },
      { caller: CALLERS.dst },
    );
    const idNumber = newIdNumber();
    const labPerson = await service.rpc.request(
      RegisterPerson,
      { name: '谢研究员', idNumber, employerOrgId: ORGS.otherSupporting },
      { caller: CALLERS.dst },
    );
    await service.rpc.request(
      ImportPlatformRoster,
      {
        platformId: lab.id,
        rows: [{ name: '谢研究员', idNumber, kind: 'fixed', role: 'researcher', startsOn: '2020-01-01' }],
      },
      { caller: CALLERS.dst },
    );
    const [post] = (
      await service.rpc.request(ListAppointments, { limit: 5, personId: labPerson.id }, { caller: CALLERS.dst })
    ).items;
    // Another registry's post with an end date (the roster import records start dates only).
    await service.sql("update personnel.appointment set ends_on = '2027-06-30' where id = ?", [post!.id]);

    const centerId = await service.establishCenter();
    expect(
      (
        await appoint({
          platformId: centerId,
          idNumber,
          role: 'researcher',
          kind: 'fixed',
          startsOn: '2027-07-01',
        })
      ).status,
    ).toBe('active');
    const other = await service.establishCenter();
    const overlapping = await appoint({
      platformId: other,
      personId: labPerson.id,
      role: 'researcher',
      kind: 'fixed',
      startsOn: '2027-03-01',
    });
    expect(overlapping.status).toBe('awaiting_waiver');
  });

  it('refuses a date in year 0 as invalid input, not a server error, and names a repeated line of an import', async () => {
    const centerId = await service.establishCenter();
    const error = await refusal(
      appoint({
        platformId: centerId,
        personId: (await person('零年')).id,
        role: 'researcher',
        kind: 'fixed',
        startsOn: '0000-01-01',
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', errors: [expect.objectContaining({ path: 'startsOn' })] });

    const lab = await service.rpc.request(
      RegisterPlatform,
      {
        name: '辽宁省导入测试工程研究中心',
        kind: 'engineering_research_center',
        supportingUnitId: ORGS.otherSupporting,
      },
      { caller: CALLERS.dst },
    );
    const repeated = newIdNumber();
    const result = await service.rpc.request(
      ImportPlatformRoster,
      {
        platformId: lab.id,
        rows: [
          { name: '甲', idNumber: newIdNumber(), kind: 'fixed', role: 'researcher', startsOn: '0000-01-01' },
          { name: '乙', idNumber: repeated, kind: 'fixed', role: 'researcher', startsOn: '2024-01-01' },
          { name: '丙', idNumber: newIdNumber(), kind: 'fixed', role: 'researcher', startsOn: '2024-01-01' },
          { name: '乙', idNumber: repeated, kind: 'floating', role: 'technician', startsOn: '2025-01-01' },
        ],
      },
      { caller: CALLERS.dst },
    );
    expect(result).toEqual({
      imported: 2,
      updated: 0,
      problems: [
        { row: 1, path: 'startsOn', message: expect.any(String) as string },
        { row: 4, path: 'idNumber', message: 'repeats the number on line 2' },
      ],
    });
  });
});
