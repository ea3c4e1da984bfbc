import { gradeConsequence, gradeForScore, GRADE_LABELS } from './grades';
import { isProposedGround, isRevocationGround, REVOCATION_GROUNDS, revocationGround } from './revocation';

describe('A30 grades', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89.99, 'good'],
    [75, 'good'],
    [74.9, 'basic_pass'],
    [60, 'basic_pass'],
    [59.99, 'fail'],
    [0, 'fail'],
  ] as const)('A30: a score of %d grades %s under the default thresholds', (score, grade) => {
    expect(gradeForScore(score)).toBe(grade);
  });

  it('A30: a round can set its own thresholds', () => {
    expect(gradeForScore(85, { excellent: 85, good: 70, basicPass: 50 })).toBe('excellent');
    expect(gradeForScore(49, { excellent: 85, good: 70, basicPass: 50 })).toBe('fail');
  });

  it('refuses scores outside 0–100 and thresholds out of order', () => {
    expect(() => gradeForScore(101)).toThrow(RangeError);
    expect(() => gradeForScore(50, { excellent: 60, good: 70, basicPass: 50 })).toThrow(RangeError);
  });

  it('A30: consequences of each grade', () => {
    expect(gradeConsequence('excellent')).toMatchObject({ kind: 'policy_support' });
    expect(gradeConsequence('good')).toMatchObject({ kind: 'none' });
    expect(gradeConsequence('basic_pass')).toEqual({
      kind: 'rectification',
      article: '第三十条',
      period: { years: 1 },
    });
    expect(gradeConsequence('fail')).toEqual({ kind: 'revocation', article: '第三十一条第（一）项', ground: 1 });
  });

  it('labels the grades as the measures do', () => {
    expect(Object.values(GRADE_LABELS).map((l) => l.zh)).toEqual(['优秀', '良好', '基本合格', '不合格']);
  });
});

describe('A31 revocation grounds', () => {
  it('A31: lists nine grounds with their item articles', () => {
    expect(REVOCATION_GROUNDS.map((g) => g.article)).toEqual([
      '第三十一条第（一）项',
      '第三十一条第（二）项',
      '第三十一条第（三）项',
      '第三十一条第（四）项',
      '第三十一条第（五）项',
      '第三十一条第（六）项',
      '第三十一条第（七）项',
      '第三十一条第（八）项',
      '第三十一条第（九）项',
    ]);
  });

  it('A31: grounds (1) and (2) open a case automatically; (3) and (4) are proposed when overdue', () => {
    expect(REVOCATION_GROUNDS.filter((g) => g.opensCaseAutomatically).map((g) => g.ground)).toEqual([1, 2]);
    expect(REVOCATION_GROUNDS.filter((g) => g.proposedWhenOverdue).map((g) => g.ground)).toEqual([3, 4]);
    expect(REVOCATION_GROUNDS.filter((g) => g.proposedFromFinding).map((g) => g.ground)).toEqual([6]);
    expect(REVOCATION_GROUNDS.filter((g) => isProposedGround(g.ground)).map((g) => g.ground)).toEqual([3, 4, 6]);
  });

  it('recognizes only 1 to 9', () => {
    expect([0, 1, 9, 10, 2.5, '3'].map(isRevocationGround)).toEqual([false, true, true, false, false, false]);
    expect(revocationGround(5).description.zh).toBe('申请放弃辽宁省技术创新中心资格');
  });
});
