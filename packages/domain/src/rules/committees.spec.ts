import {
  checkAdvisoryCommittee,
  checkCommitteeMeetings,
  checkManagementCommittee,
  type CommitteeMember,
} from './committees';

const SUPPORTING = 'org-supporting';
const CONSTRUCTION = 'org-construction';
const CO_BUILDER = 'org-co-builder';
const CENTER = { supportingUnitId: SUPPORTING, constructionUnitId: CONSTRUCTION, coBuilderIds: [CO_BUILDER] };
const members = (
  insiders: number,
  outsiders: number,
  chair: 'outsider' | 'insider' | 'none' = 'outsider',
): CommitteeMember[] => [
  ...Array.from({ length: insiders }, (_, i) => ({
    name: `内部${i}`,
    orgId: i % 2 === 0 ? SUPPORTING : CO_BUILDER,
    isChair: chair === 'insider' && i === 0,
  })),
  ...Array.from({ length: outsiders }, (_, i) => ({
    name: `外部${i}`,
    orgId: `org-outside-${i}`,
    isChair: chair === 'outsider' && i === 0,
  })),
];
const advisory = (list: CommitteeMember[]) => checkAdvisoryCommittee({ members: list, center: CENTER });
const result = (list: CommitteeMember[], rule: string) => advisory(list).find((f) => f.rule === rule);

describe('checkAdvisoryCommittee (A17)', () => {
  it.each([
    [6, false],
    [7, true],
    [11, true],
    [12, false],
  ])('A17: %i members → size rule passed %s (principle)', (size, passed) => {
    expect(result(members(0, size), 'A17-size')).toMatchObject({ passed, severity: 'principle', article: '第十七条' });
  });

  it.each([
    [9, 3, true, 'exactly one third of 9'],
    [9, 4, false, 'four of 9'],
    [10, 3, true, 'three of 10 (floor of 10/3)'],
    [11, 4, false, 'four of 11 (floor of 11/3 is 3)'],
    [7, 2, true, 'two of 7'],
    [7, 3, false, 'three of 7'],
  ])('A17: %i members with %i insiders → passed %s (%s)', (size, insiders, passed) => {
    expect(result(members(insiders, size - insiders), 'A17-insiders')).toMatchObject({ passed, severity: 'hard' });
  });

  it('A17: the chair must come from outside the supporting and co-building units', () => {
    expect(result(members(2, 7, 'outsider'), 'A17-chair')).toMatchObject({ passed: true });
    expect(result(members(2, 7, 'insider'), 'A17-chair')).toMatchObject({ passed: false, severity: 'hard' });
    expect(result(members(2, 7, 'none'), 'A17-chair')).toMatchObject({ passed: false });
  });

  const withConstruction = (constructionMembers: number, chairFromConstruction: boolean): CommitteeMember[] => [
    ...Array.from({ length: constructionMembers }, (_, i) => ({
      name: `建设单位${i}`,
      orgId: CONSTRUCTION,
      isChair: chairFromConstruction && i === 0,
    })),
    ...Array.from({ length: 9 - constructionMembers }, (_, i) => ({
      name: `外部${i}`,
      orgId: `org-outside-${i}`,
      isChair: !chairFromConstruction && i === 0,
    })),
  ];

  it.each([
    [3, true],
    [4, false],
  ])('A17: %i of 9 members from the construction unit count as insiders → passed %s', (count, passed) => {
    expect(result(withConstruction(count, false), 'A17-insiders')).toMatchObject({
      passed,
      details: { insiders: count },
    });
  });

  it('A17: a chair from the construction unit is from the supporting unit and may not chair', () => {
    expect(result(withConstruction(1, true), 'A17-chair')).toMatchObject({ passed: false, severity: 'hard' });
    expect(result(withConstruction(1, false), 'A17-chair')).toMatchObject({ passed: true });
  });

  it('A17: two chairs are refused', () => {
    const list = members(2, 7).map((m, i) => ({ ...m, isChair: i >= 7 }));
    expect(result(list, 'A17-chair')).toMatchObject({ passed: false, details: { chairs: 2 } });
  });
});

describe('checkManagementCommittee (A16)', () => {
  const all = (orgIds: string[], coBuilders: string[] = [CO_BUILDER]) =>
    checkManagementCommittee({
      members: orgIds.map((orgId, i) => ({ name: `委员${i}`, orgId })),
      center: { ...CENTER, coBuilderIds: coBuilders },
    });
  const check = (orgIds: string[], coBuilders: string[] = [CO_BUILDER]) => all(orgIds, coBuilders)[0];

  it('A16: supporting and co-building units only', () => {
    expect(check([SUPPORTING, CO_BUILDER, SUPPORTING])).toMatchObject({
      passed: true,
      severity: 'hard',
      article: '第十六条',
    });
  });

  it('A16: a member from another organization is refused', () => {
    expect(check([SUPPORTING, 'org-elsewhere'])).toMatchObject({ passed: false, details: { outsiders: 1 } });
  });

  it('A16: with no co-building unit only the supporting unit sits on it', () => {
    expect(check([SUPPORTING, SUPPORTING], [])).toMatchObject({ passed: true });
    expect(check([SUPPORTING, CO_BUILDER], [])).toMatchObject({ passed: false });
  });

  it('A16: a committee without the supporting unit is refused', () => {
    expect(check([CO_BUILDER])).toMatchObject({ passed: false });
  });

  it.each([
    ['the construction unit (A10: a department of the supporting unit)', [CONSTRUCTION], true],
    ['the construction unit and a co-building unit', [CONSTRUCTION, CO_BUILDER], true],
    ['the construction unit and an outsider', [CONSTRUCTION, 'org-elsewhere'], false],
  ])('A16: a committee from %s → passed %s (hard)', (_case, orgIds, passed) => {
    expect(check(orgIds)).toMatchObject({ rule: 'A16-mgmt-committee', passed, severity: 'hard' });
  });

  const representation = (orgIds: string[], coBuilders: string[]) =>
    all(orgIds, coBuilders).find((f) => f.rule === 'A16-co-builders');

  it.each([
    ['each co-building unit has a member', [SUPPORTING, CO_BUILDER, 'org-co-2'], true],
    ['one of two co-building units has none', [SUPPORTING, CO_BUILDER], false],
    ['only the supporting side sits on it', [SUPPORTING, CONSTRUCTION], false],
  ])('A16: %s → co-building units represented %s (principle)', (_case, orgIds, passed) => {
    expect(representation(orgIds, [CO_BUILDER, 'org-co-2'])).toMatchObject({
      passed,
      severity: 'principle',
      article: '第十六条',
    });
  });

  it('A16: with no co-building unit there is no representation finding', () => {
    expect(representation([SUPPORTING], [])).toBeUndefined();
  });
});

describe('checkCommitteeMeetings (A16, A17)', () => {
  it.each([
    ['management', 'A16-meeting'],
    ['advisory', 'A17-meeting'],
  ] as const)('%s committee: a meeting in the year passes, none is an advisory finding', (committee, rule) => {
    expect(checkCommitteeMeetings(committee, 2025, ['2025-12-31'])).toMatchObject({ rule, passed: true });
    expect(checkCommitteeMeetings(committee, 2025, ['2024-12-31', '2026-01-01'])).toMatchObject({
      rule,
      passed: false,
      severity: 'advisory',
    });
  });
});
