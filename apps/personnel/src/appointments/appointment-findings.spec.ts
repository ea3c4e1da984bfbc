import { assessFindings } from '@tic/domain';

import { appointmentFindings, type ProposedAppointment } from './appointment-findings';

const SUPPORTING = 'supporting-unit';
const base: ProposedAppointment = {
  person: { name: '钱研究员', employerOrgId: SUPPORTING, fullTime: true },
  platform: {
    id: 'center-1',
    supportingUnitId: SUPPORTING,
    constructionUnitId: 'construction-unit',
    coBuilderIds: ['co-builder'],
    isCenter: true,
  },
  role: 'researcher',
  kind: 'fixed',
  startsOn: '2026-03-01',
  deputiesNow: 0,
  fixedElsewhere: [],
};
const failed = (proposed: Partial<ProposedAppointment>) =>
  appointmentFindings({ ...base, ...proposed })
    .filter((f) => !f.passed)
    .map((f) => f.rule);

describe('the rules an appointment is checked against', () => {
  it('A15: a director from the supporting unit, full-time; anyone else is refused', () => {
    expect(failed({ role: 'director' })).toEqual([]);
    expect(
      assessFindings(
        appointmentFindings({
          ...base,
          role: 'director',
          person: { name: '赵教授', employerOrgId: 'co-builder', fullTime: true },
        }),
      ).blocking.map((f) => f.rule),
    ).toEqual(['A15-director']);
  });

  it.each([
    ['employed full-time by the construction unit (A10), on a fixed post', 'construction-unit', true, 'fixed', []],
    ['employed part-time by the supporting unit, on a fixed post', SUPPORTING, false, 'fixed', ['A15-director']],
  ] as const)('A15: a director %s → failed %j', (_case, employerOrgId, fullTime, kind, rules) => {
    expect(failed({ role: 'director', kind, person: { name: '孙主任', employerOrgId, fullTime } })).toEqual(rules);
  });

  it('A15 applies to TICs only: another platform’s director is not a TIC director', () => {
    expect(
      failed({
        role: 'director',
        person: { name: '赵教授', employerOrgId: 'other', fullTime: true },
        platform: { ...base.platform, isCenter: false },
      }),
    ).toEqual([]);
  });

  it('A14: the fourth deputy fails as a principle rule, the third does not', () => {
    expect(failed({ role: 'deputy_director', deputiesNow: 2 })).toEqual([]);
    const fourth = appointmentFindings({ ...base, role: 'deputy_director', deputiesNow: 3 });
    expect(assessFindings(fourth).unwaived.map((f) => f.rule)).toEqual(['A14-deputies']);
  });

  it('A18: floating staff need an agreement (hard) and are never held to one platform', () => {
    expect(
      failed({
        kind: 'floating',
        fixedElsewhere: [{ platformId: 'lab', platformName: '重点实验室', since: '2020-01-01' }],
      }),
    ).toEqual(['A18-floating-agreement']);
  });

  it('A18: a fixed post on another platform is one principle finding per platform, with since when', () => {
    const findings = appointmentFindings({
      ...base,
      fixedElsewhere: [
        { platformId: 'lab', platformName: '重点实验室', since: '2020-01-01' },
        { platformId: 'erc', platformName: '工程研究中心', since: '2022-05-01' },
      ],
    });
    expect(findings.filter((f) => !f.passed).map((f) => f.details)).toEqual([
      { platformId: 'lab', platformName: '重点实验室', since: '2020-01-01' },
      { platformId: 'erc', platformName: '工程研究中心', since: '2022-05-01' },
    ]);
  });
});
