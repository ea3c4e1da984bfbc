import {
  CreateAppointment,
  GetCommittee,
  GetCompliance,
  SetCommittee,
  UpdatePerson,
  WaiveCenterRule,
} from '@tic/contracts';

import { CALLERS, newIdNumber, ORGS, refusal, runningPersonnel, type MemberSpec } from './harness';

const TERM = { termStartsOn: '2026-01-01', termEndsOn: '2028-12-31' };
const AGREEMENT = {
  startsOn: '2026-03-01',
  endsOn: '2026-12-31',
  workingTime: '每年在中心工作不少于6个月',
  tasks: '伺服控制方向联合攻关',
  documentRef: 'docs/agreements/issue-10',
};
const outsiders = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `外单位专家${i + 1}`, orgId: ORGS.outsideExpertOrg }));

/** Issue 10: insider organizations (A10, A16, A17), A18 agreement periods and the one-year center waiver. */
describe('insiders, agreement periods and waiver years (real Postgres, NATS, Redis)', () => {
  const service = runningPersonnel('insiders-periods');
  const setCommittee = async (centerId: string, kind: 'management' | 'advisory', members: MemberSpec[]) =>
    service.rpc.request(
      SetCommittee,
      { centerId, kind, ...TERM, members: await service.committeeMembers(members) },
      { caller: CALLERS.supporting },
    );
  const compliance = (centerId: string, on?: string) =>
    service.rpc.request(GetCompliance, { centerId, ...(on ? { on } : {}) }, { caller: CALLERS.dst });

  it('A16, A10: construction-unit staff sit on the management committee; each co-building unit is represented (principle)', async () => {
    const centerId = await service.newCenter({ coBuilderIds: [ORGS.coBuilder, ORGS.otherSupporting] });
    const formed = await setCommittee(centerId, 'management', [
      { name: '建设单位院长', orgId: ORGS.construction, isChair: true },
      { name: '共建单位副校长', orgId: ORGS.coBuilder },
    ]);
    expect(formed.findings).toEqual([
      expect.objectContaining({ rule: 'A16-mgmt-committee', passed: true }),
      expect.objectContaining({ rule: 'A16-co-builders', passed: false, severity: 'principle', article: '第十六条' }),
    ]);
    expect((await compliance(centerId)).unwaived).toContain('A16-co-builders');

    const other = await service.newCenter({ coBuilderIds: [ORGS.coBuilder, ORGS.otherSupporting] });
    const represented = await setCommittee(other, 'management', [
      { name: '建设单位院长', orgId: ORGS.construction, isChair: true },
      { name: '共建单位副校长', orgId: ORGS.coBuilder },
      { name: '共建单位总工', orgId: ORGS.otherSupporting },
    ]);
    expect(represented.findings.every((f) => f.passed)).toBe(true);
  });

  it('A17, A10: construction-unit staff count as insiders and may not chair', async () => {
    const centerId = await service.newCenter();
    const chair = { name: '外单位院士', orgId: ORGS.outsideExpertOrg, isChair: true };
    const fromConstruction = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `建设单位专家${i + 1}`, orgId: ORGS.construction }));
    // 9 members: floor(9/3) = 3 insiders pass, 4 do not.
    expect(
      await refusal(setCommittee(centerId, 'advisory', [chair, ...outsiders(4), ...fromConstruction(4)])),
    ).toMatchObject({
      rule: 'A17-insiders',
      article: '第十七条',
    });
    expect(
      await refusal(setCommittee(centerId, 'advisory', [{ ...chair, orgId: ORGS.construction }, ...outsiders(8)])),
    ).toMatchObject({ rule: 'A17-chair' });
    const formed = await setCommittee(centerId, 'advisory', [chair, ...outsiders(5), ...fromConstruction(3)]);
    expect(formed.findings.filter((f) => !f.passed)).toEqual([]);
  });

  it('committee members are people of the registry: their employer there decides who is an insider, now', async () => {
    const centerId = await service.newCenter();
    const outside = await service.committeeMembers(outsiders(6));
    const chairPerson = await service.newPerson({ name: '外单位院士', employerOrgId: ORGS.outsideExpertOrg });
    const formed = await service.rpc.request(
      SetCommittee,
      { centerId, kind: 'advisory', ...TERM, members: [{ personId: chairPerson.id, isChair: true }, ...outside] },
      { caller: CALLERS.supporting },
    );
    expect(formed.members[0]).toEqual({
      personId: chairPerson.id,
      name: '外单位院士',
      orgId: ORGS.outsideExpertOrg,
      isChair: true,
    });
    expect((await compliance(centerId)).findings).toContainEqual(
      expect.objectContaining({ rule: 'A17-chair', passed: true }),
    );

    // The chair joins the supporting unit: from then on the registry makes the chair an insider (A17, hard).
    await service.rpc.request(
      UpdatePerson,
      { id: chairPerson.id, version: chairPerson.version, employerOrgId: ORGS.supporting },
      { caller: CALLERS.dst },
    );
    expect((await compliance(centerId)).blocking).toContain('A17-chair');
    const read = await service.rpc.request(GetCommittee, { centerId, kind: 'advisory' }, { caller: CALLERS.dst });
    expect(read.members[0]).toMatchObject({ personId: chairPerson.id, orgId: ORGS.supporting });
  });

  it('names a member by an id the unit sees or a registered number; anyone else is the same 404, and no one twice', async () => {
    const centerId = await service.newCenter();
    const stranger = await service.newPerson({ employerOrgId: ORGS.otherSupporting }, CALLERS.otherSupporting);
    const form = (members: { personId?: string; idNumber?: string; isChair?: boolean }[]) =>
      service.rpc.request(
        SetCommittee,
        { centerId, kind: 'management', ...TERM, members },
        { caller: CALLERS.supporting },
      );
    const unseen = await refusal(form([{ personId: stranger.id, isChair: true }]));
    const missing = await refusal(form([{ personId: '00000000-0000-4000-8000-000000000000', isChair: true }]));
    expect(unseen).toMatchObject({ code: 'not_found' });
    expect(missing).toEqual(unseen);
    expect(await refusal(form([{ idNumber: newIdNumber(), isChair: true }]))).toEqual(unseen);
    expect(
      await refusal(service.rpc.request(GetCommittee, { centerId, kind: 'management' }, { caller: CALLERS.dst })),
    ).toMatchObject({ code: 'not_found' });

    const number = newIdNumber();
    const deputy = await service.newPerson({ name: '依托单位副总', idNumber: number });
    const twice = await refusal(form([{ personId: deputy.id, isChair: true }, { idNumber: number }]));
    expect(twice).toMatchObject({ code: 'invalid_input', errors: [expect.objectContaining({ path: 'members.1' })] });
    const formed = await form([{ idNumber: number, isChair: true }]);
    expect(formed.members).toEqual([
      { personId: deputy.id, name: '依托单位副总', orgId: ORGS.supporting, isChair: true },
    ]);
    expect(
      await refusal(
        service.rpc.request(
          SetCommittee,
          { centerId, kind: 'management', ...TERM, members: [{ isChair: true }] },
          { caller: CALLERS.supporting },
        ),
      ),
    ).toMatchObject({ code: 'invalid_input', errors: [expect.objectContaining({ path: 'members.0.personId' })] });
  });

  it('A18: a floating staff member’s agreement covers the appointment’s period (hard)', async () => {
    service.clock.set('2026-11-20');
    const centerId = await service.newCenter();
    const appoint = async (startsOn: string, endsOn?: string) =>
      service.rpc.request(
        CreateAppointment,
        {
          platformId: centerId,
          personId: (await service.newPerson()).id,
          role: 'researcher',
          kind: 'floating',
          agreement: AGREEMENT,
          startsOn,
          ...(endsOn ? { endsOn } : {}),
        },
        { caller: CALLERS.supporting },
      );
    await expect(appoint('2026-03-01', '2026-12-31')).resolves.toMatchObject({ status: 'active' });
    expect(await refusal(appoint('2026-03-01', '2027-01-01'))).toMatchObject({
      code: 'rule_violation',
      rule: 'A18-floating-agreement',
      article: '第十八条',
    });
    expect(await refusal(appoint('2026-02-28', '2026-06-30'))).toMatchObject({ rule: 'A18-floating-agreement' });
  });

  it('A18: an expired agreement fails in a compliance read on the date asked', async () => {
    service.clock.set('2026-11-20');
    const centerId = await service.newCenter();
    await service.rpc.request(
      CreateAppointment,
      {
        platformId: centerId,
        personId: (await service.newPerson({ name: '访问学者' })).id,
        role: 'researcher',
        kind: 'floating',
        agreement: AGREEMENT,
        startsOn: '2026-03-01',
      },
      { caller: CALLERS.supporting },
    );
    const agreementOn = async (on: string) =>
      (await compliance(centerId, on)).findings.find((f) => f.rule === 'A18-floating-agreement');
    expect(await agreementOn('2026-12-31')).toMatchObject({ passed: true });
    expect(await agreementOn('2027-01-01')).toMatchObject({ passed: false, severity: 'hard' });
    expect((await compliance(centerId, '2027-01-01')).blocking).toContain('A18-floating-agreement');
  });

  it('a center-level waiver lasts one year from its grant; the day after, the finding counts again', async () => {
    service.clock.set('2026-03-10');
    const centerId = await service.newCenter();
    await setCommittee(centerId, 'advisory', [
      { name: '外单位院士', orgId: ORGS.outsideExpertOrg, isChair: true },
      ...outsiders(5),
    ]);
    const waived = await service.rpc.request(
      WaiveCenterRule,
      { centerId, rule: 'A17-size', reason: '领域专家稀缺，暂以6人组成' },
      { caller: CALLERS.dst },
    );
    expect(waived.waivers).toEqual([
      expect.objectContaining({ rule: 'A17-size', grantedOn: '2026-03-10', lastDay: '2027-03-10', inForce: true }),
    ]);
    expect((await compliance(centerId, '2027-03-10')).waived).toContain('A17-size');
    const lapsed = await compliance(centerId, '2027-03-11');
    expect(lapsed.unwaived).toContain('A17-size');
    expect(lapsed.waivers).toEqual([expect.objectContaining({ inForce: false })]);

    // A year on, DST may waive it again; the first grant stays on record.
    service.clock.set('2027-03-11');
    const again = await service.rpc.request(
      WaiveCenterRule,
      { centerId, rule: 'A17-size', reason: '仍在遴选外单位专家' },
      { caller: CALLERS.dst },
    );
    expect(again.waivers.map((w) => [w.grantedOn, w.inForce])).toEqual([
      ['2026-03-10', false],
      ['2027-03-11', true],
    ]);
    expect(again.waived).toContain('A17-size');
  });
});
