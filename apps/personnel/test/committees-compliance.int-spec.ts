import {
  CreateAppointment,
  GetCommittee,
  GetCompliance,
  RecordCommitteeMeeting,
  RegisterPerson,
  SetCommittee,
  WaiveCenterRule,
} from '@tic/contracts';

import { CALLERS, newIdNumber, ORGS, refusal, runningPersonnel, type MemberSpec } from './harness';

const TERM = { termStartsOn: '2026-01-01', termEndsOn: '2028-12-31' };
const outsiders = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `外单位专家${i + 1}`, orgId: ORGS.outsideExpertOrg }));
const insiders = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `依托单位专家${i + 1}`,
    orgId: i % 2 === 0 ? ORGS.supporting : ORGS.coBuilder,
  }));

describe('committees (A16, A17) and a center’s compliance read (real Postgres, NATS, Redis)', () => {
  const service = runningPersonnel('committees');
  const setCommittee = async (
    centerId: string,
    kind: 'management' | 'advisory',
    members: MemberSpec[],
    version?: number,
  ) =>
    service.rpc.request(
      SetCommittee,
      {
        centerId,
        kind,
        ...TERM,
        members: await service.committeeMembers(members),
        ...(version === undefined ? {} : { version }),
      },
      { caller: CALLERS.supporting },
    );

  it('A16: the management committee takes members from the supporting and co-building units only', async () => {
    const centerId = await service.establishCenter();
    const refused = await refusal(
      setCommittee(centerId, 'management', [
        { name: '依托单位副总', orgId: ORGS.supporting },
        { name: '外聘专家', orgId: ORGS.outsideExpertOrg },
      ]),
    );
    expect(refused).toMatchObject({ code: 'rule_violation', rule: 'A16-mgmt-committee', article: '第十六条' });
    const formed = await setCommittee(centerId, 'management', [
      { name: '依托单位副总', orgId: ORGS.supporting, isChair: true },
      { name: '共建单位副校长', orgId: ORGS.coBuilder },
    ]);
    expect(formed.findings).toEqual([
      expect.objectContaining({ rule: 'A16-mgmt-committee', passed: true }),
      expect.objectContaining({ rule: 'A16-co-builders', passed: true }),
    ]);
    expect(
      (
        await refusal(
          service.rpc.request(
            SetCommittee,
            {
              centerId,
              kind: 'management',
              ...TERM,
              members: await service.committeeMembers([{ name: '依托单位副总', orgId: ORGS.supporting }]),
            },
            { caller: CALLERS.construction },
          ),
        )
      ).code,
    ).toBe('forbidden');
  });

  it('A17: insiders at most a third (hard), an outside chair (hard), 7 to 11 members (principle, kept as a finding)', async () => {
    const centerId = await service.establishCenter();
    const chair = { name: '外单位院士', orgId: ORGS.outsideExpertOrg, isChair: true };
    // 9 members: floor(9/3) = 3 insiders pass, 4 do not.
    expect(await refusal(setCommittee(centerId, 'advisory', [chair, ...outsiders(4), ...insiders(4)]))).toMatchObject({
      rule: 'A17-insiders',
      article: '第十七条',
    });
    expect(
      await refusal(
        setCommittee(centerId, 'advisory', [{ ...chair, orgId: ORGS.supporting }, ...outsiders(6), ...insiders(1)]),
      ),
    ).toMatchObject({ rule: 'A17-chair' });
    expect(await refusal(setCommittee(centerId, 'advisory', [...outsiders(6), ...insiders(2)]))).toMatchObject({
      rule: 'A17-chair',
    });

    const seven = await setCommittee(centerId, 'advisory', [chair, ...outsiders(4), ...insiders(2)]);
    expect(seven.findings.filter((f) => !f.passed)).toEqual([]);
    const six = await setCommittee(centerId, 'advisory', [chair, ...outsiders(3), ...insiders(2)], seven.version);
    expect(six.findings).toContainEqual(
      expect.objectContaining({ rule: 'A17-size', severity: 'principle', passed: false }),
    );
    expect((await refusal(setCommittee(centerId, 'advisory', [chair, ...outsiders(6)], seven.version))).code).toBe(
      'stale_version',
    );
    const eleven = await setCommittee(centerId, 'advisory', [chair, ...outsiders(7), ...insiders(3)], six.version);
    expect(eleven.findings.every((f) => f.passed)).toBe(true);
    const twelve = await setCommittee(centerId, 'advisory', [chair, ...outsiders(7), ...insiders(4)], eleven.version);
    expect(twelve.findings).toContainEqual(expect.objectContaining({ rule: 'A17-size', passed: false }));
  });

  it('returns every finding about a center’s people: ten fixed staff pass A18, nine do not until DST waives it', async () => {
    const centerId = await service.establishCenter();
    const compliance = () =>
      service.rpc.request(GetCompliance, { centerId, year: 2026 }, { caller: CALLERS.recommender });
    const hire = async (name: string, role: 'director' | 'researcher' | 'auxiliary') => {
      const person = await service.rpc.request(
        RegisterPerson,
        { name, idNumber: newIdNumber(), employerOrgId: ORGS.supporting },
        { caller: CALLERS.supporting },
      );
      return service.rpc.request(
        CreateAppointment,
        {
          platformId: centerId,
          personId: person.id,
          role,
          kind: 'fixed',
          startsOn: '2026-03-01',
          // A15: reviewed at the committee's meeting late in 2025, which does not count as one of 2026's (A16).
          ...(role === 'director' ? { decidedOn: '2026-03-01', committeeReviewedOn: '2025-12-30' } : {}),
        },
        { caller: CALLERS.supporting },
      );
    };

    const empty = await compliance();
    expect(empty).toMatchObject({
      compliant: false,
      blocking: expect.arrayContaining(['A15-director', 'A16-mgmt-committee']) as unknown,
    });

    await service.reviewDirector(centerId, '2025-12-30');
    await hire('主任甲', 'director');
    for (let i = 1; i <= 8; i += 1) await hire(`研究人员${i}`, 'researcher');
    const management = await service.rpc.request(
      GetCommittee,
      { centerId, kind: 'management' },
      { caller: CALLERS.supporting },
    );
    await setCommittee(
      centerId,
      'management',
      [
        { name: '依托单位副总', orgId: ORGS.supporting, isChair: true },
        { name: '共建单位副校长', orgId: ORGS.coBuilder },
      ],
      management.version,
    );
    await setCommittee(centerId, 'advisory', [
      { name: '外单位院士', orgId: ORGS.outsideExpertOrg, isChair: true },
      ...outsiders(6),
    ]);
    const nine = await compliance();
    expect(nine.findings).toContainEqual(
      expect.objectContaining({ rule: 'A18-fixed-count', passed: false, details: { fixedStaff: 9, minimum: 10 } }),
    );
    expect(nine).toMatchObject({ blocking: [], unwaived: ['A18-fixed-count'], compliant: false });
    expect(nine.advisories).toEqual(expect.arrayContaining(['A19-aux-staff', 'A16-meeting', 'A17-meeting']));

    await hire('财务专员', 'auxiliary');
    await service.rpc.request(
      RecordCommitteeMeeting,
      { centerId, kind: 'management', heldOn: '2026-06-18', attendees: 1, minutesRef: 'docs/minutes/2026-1' },
      { caller: CALLERS.supporting },
    );
    await service.rpc.request(
      RecordCommitteeMeeting,
      { centerId, kind: 'advisory', heldOn: '2026-07-02', attendees: 6, minutesRef: 'docs/minutes/2026-2' },
      { caller: CALLERS.supporting },
    );
    const ten = await compliance();
    expect(ten).toMatchObject({ blocking: [], unwaived: [], advisories: [], compliant: true });
    expect(ten.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining([
        'A15-director',
        'A14-deputies',
        'A18-fixed-count',
        'A18-one-platform',
        'A19-aux-staff',
        'A16-mgmt-committee',
        'A16-co-builders',
        'A16-meeting',
        'A17-size',
        'A17-insiders',
        'A17-chair',
        'A17-meeting',
      ]),
    );
    expect(
      (await service.rpc.request(GetCompliance, { centerId, year: 2027 }, { caller: CALLERS.dst })).advisories,
    ).toEqual(['A16-meeting', 'A17-meeting']);

    const small = await service.establishCenter();
    await service.rpc.request(
      SetCommittee,
      {
        centerId: small,
        kind: 'advisory',
        ...TERM,
        members: await service.committeeMembers([
          { name: '外单位院士', orgId: ORGS.outsideExpertOrg, isChair: true },
          ...outsiders(5),
        ]),
      },
      { caller: CALLERS.supporting },
    );
    expect(
      await refusal(
        service.rpc.request(
          WaiveCenterRule,
          { centerId: small, rule: 'A17-insiders', reason: '不可豁免' },
          { caller: CALLERS.dst },
        ),
      ),
    ).toMatchObject({ code: 'rule_violation', rule: 'A17-insiders' });
    const waived = await service.rpc.request(
      WaiveCenterRule,
      { centerId: small, rule: 'A17-size', reason: '领域专家稀缺，暂以6人组成' },
      { caller: CALLERS.dst },
    );
    expect(waived).toMatchObject({
      waived: ['A17-size'],
      waivers: [expect.objectContaining({ rule: 'A17-size', article: '第十七条' })],
    });
    expect(waived.unwaived).not.toContain('A17-size');
    expect(
      (await refusal(service.rpc.request(GetCompliance, { centerId }, { caller: CALLERS.otherRecommender }))).code,
    ).toBe('not_found');
  });

  it('judges a committee not formed as having no chair (hard), and waives only a rule that fails now', async () => {
    const centerId = await service.establishCenter();
    const none = await service.rpc.request(GetCompliance, { centerId }, { caller: CALLERS.dst });
    expect(none.blocking).toEqual(expect.arrayContaining(['A16-mgmt-committee', 'A17-chair']));
    const passing = await refusal(
      service.rpc.request(
        WaiveCenterRule,
        { centerId, rule: 'A14-deputies', reason: '预先豁免副主任人数' },
        { caller: CALLERS.dst },
      ),
    );
    expect(passing).toMatchObject({ code: 'conflict', rule: 'A14-deputies' });
  });

  it('answers two first formations of the same committee at once with one success and one stale version, never a server error', async () => {
    const centerId = await service.establishCenter();
    const members = await service.committeeMembers([{ name: '依托单位副总', orgId: ORGS.supporting, isChair: true }]);
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () =>
        service.rpc
          .request(SetCommittee, { centerId, kind: 'management', ...TERM, members }, { caller: CALLERS.supporting })
          .then(
            () => 'ok',
            (e: unknown) => (e as { error: { code: string } }).error.code,
          ),
      ),
    );
    expect(outcomes).toContain('ok');
    expect(outcomes.filter((o) => o !== 'ok').every((o) => o === 'stale_version' || o === 'invalid_input')).toBe(true);
  });
});
