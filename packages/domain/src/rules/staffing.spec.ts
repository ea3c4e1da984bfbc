import {
  checkAuxiliaryStaff,
  checkDeputies,
  checkDirector,
  checkFixedStaffCount,
  checkFloatingAgreement,
  checkOnePlatform,
  checkStaffing,
  type StaffMember,
  type WorkAgreement,
} from './staffing';

const SUPPORTING = 'org-supporting';
const CENTER = { supportingUnitId: SUPPORTING, constructionUnitId: 'org-construction', coBuilderIds: ['org-co'] };
const agreement: WorkAgreement = {
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  workingTime: '每周两天',
  tasks: '联合攻关',
  documentRef: 'XY-2026-01',
};

describe('staffing rules', () => {
  it.each([
    [3, true],
    [4, false],
  ])('A14: %i deputy directors → passed %s (principle)', (deputies, passed) => {
    expect(checkDeputies(deputies)).toMatchObject({
      rule: 'A14-deputies',
      passed,
      severity: 'principle',
      article: '第十四条',
    });
  });

  it.each([
    [10, true],
    [9, false],
  ])('A18: %i fixed staff → passed %s (principle)', (count, passed) => {
    expect(checkFixedStaffCount(count)).toMatchObject({
      rule: 'A18-fixed-count',
      passed,
      severity: 'principle',
      article: '第十八条',
    });
  });

  it.each([
    ['a full-time employee of the supporting unit', { orgId: SUPPORTING, fullTime: true }, true],
    ['a part-time employee of the supporting unit', { orgId: SUPPORTING, fullTime: false }, false],
    ['a full-time employee of a co-building unit', { orgId: 'org-co', fullTime: true }, false],
    ['a full-time employee of the construction unit (A10)', { orgId: 'org-construction', fullTime: true }, true],
    ['a part-time employee of the construction unit', { orgId: 'org-construction', fullTime: false }, false],
    ['a full-time employee of an outside organization', { orgId: 'org-elsewhere', fullTime: true }, false],
  ])('A15: a director who is %s → passed %s (hard)', (_case, director, passed) => {
    expect(checkDirector({ name: '张三', ...director }, CENTER)).toMatchObject({
      rule: 'A15-director',
      passed,
      severity: 'hard',
      article: '第十五条',
    });
  });

  it('A15: no director at all fails', () => {
    expect(checkDirector(undefined, CENTER)).toMatchObject({ passed: false });
  });

  it.each([
    ['a complete agreement', agreement, true],
    ['no agreement', undefined, false],
    ['no working time', { ...agreement, workingTime: ' ' }, false],
    ['no tasks', { ...agreement, tasks: '' }, false],
    ['an end before its start', { ...agreement, endsOn: '2025-12-31' }, false],
  ])('A18: a floating member with %s → passed %s (hard)', (_case, withAgreement, passed) => {
    const member = { name: '李四', kind: 'floating' as const, ...(withAgreement ? { agreement: withAgreement } : {}) };
    expect(checkFloatingAgreement(member, { startsOn: '2026-03-01' })).toMatchObject({
      rule: 'A18-floating-agreement',
      passed,
      severity: 'hard',
    });
  });

  // The agreement runs 2026-01-01 to 2026-12-31; its first and last days are covered, the days outside are not.
  it.each([
    ['starts on the agreement’s first day and ends on its last', '2026-01-01', '2026-12-31', true],
    ['starts the day before the agreement', '2025-12-31', '2026-06-30', false],
    ['ends the day after the agreement', '2026-03-01', '2027-01-01', false],
    ['is open-ended and starts inside the agreement', '2026-03-01', undefined, true],
    ['is open-ended and starts after the agreement ended', '2027-01-01', undefined, false],
  ])('A18: an appointment that %s → covered %s (hard)', (_case, startsOn, endsOn, passed) => {
    const member = { name: '李四', kind: 'floating' as const, agreement };
    expect(checkFloatingAgreement(member, { startsOn, endsOn })).toMatchObject({ passed, severity: 'hard' });
  });

  it.each([
    ['the agreement’s last day', '2026-12-31', true],
    ['the day after it expired', '2027-01-01', false],
  ])('A18: a compliance read on %s → passed %s', (_case, on, passed) => {
    const staff: StaffMember[] = [
      { name: '访问学者', role: 'researcher', kind: 'floating', orgId: 'org-x', fullTime: false, agreement },
    ];
    expect(checkStaffing(staff, CENTER, on).find((f) => f.rule === 'A18-floating-agreement')).toMatchObject({
      passed,
    });
  });

  it('A18: a fixed member needs no agreement', () => {
    expect(checkFloatingAgreement({ name: '王五', kind: 'fixed' }, { startsOn: '2026-03-01' })).toMatchObject({
      passed: true,
    });
  });

  it.each([
    [1, true],
    [0, false],
  ])('A19: %i auxiliary staff → passed %s (advisory)', (count, passed) => {
    expect(checkAuxiliaryStaff(count)).toMatchObject({
      rule: 'A19-aux-staff',
      passed,
      severity: 'advisory',
      article: '第十九条',
    });
  });

  it('checkStaffing reports every rule for a roster', () => {
    const fixed = (name: string, role: StaffMember['role']): StaffMember => ({
      name,
      role,
      kind: 'fixed',
      orgId: SUPPORTING,
      fullTime: true,
    });
    const roster: StaffMember[] = [
      fixed('主任', 'director'),
      ...['甲', '乙', '丙', '丁'].map((n) => fixed(n, 'deputy_director')),
      ...Array.from({ length: 4 }, (_, i) => fixed(`研究员${i}`, 'researcher')),
      { name: '访问学者', role: 'researcher', kind: 'floating', orgId: 'org-x', fullTime: false },
    ];
    const failed = checkStaffing(roster, CENTER, '2026-06-01')
      .filter((f) => !f.passed)
      .map((f) => f.rule);
    expect(failed).toEqual(['A14-deputies', 'A18-fixed-count', 'A18-floating-agreement', 'A19-aux-staff']);
  });
});

describe('checkOnePlatform (A18)', () => {
  it('passes when the person holds no other fixed post', () => {
    expect(checkOnePlatform({ name: '赵六' }, 'tic-1', [])).toEqual([
      expect.objectContaining({ rule: 'A18-one-platform', passed: true }),
    ]);
  });

  it('ignores the platform being checked itself', () => {
    const same = [{ platformId: 'tic-1', platformName: '本中心', since: '2024-01-01' }];
    expect(checkOnePlatform({ name: '赵六' }, 'tic-1', same)[0]?.passed).toBe(true);
  });

  it('reports each other platform with its name and since when (principle)', () => {
    const others = [
      { platformId: 'lab-7', platformName: '辽宁省某重点实验室', since: '2023-05-01' },
      { platformId: 'erc-2', platformName: '辽宁省某工程研究中心', since: '2024-09-01' },
    ];
    const findings = checkOnePlatform({ name: '赵六' }, 'tic-1', others);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({
      passed: false,
      severity: 'principle',
      details: { platformId: 'lab-7', since: '2023-05-01' },
    });
    expect(findings[0]?.message.zh).toContain('辽宁省某重点实验室');
  });
});
