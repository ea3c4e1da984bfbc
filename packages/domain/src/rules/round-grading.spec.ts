import fc from 'fast-check';

import { gradeRound, type RoundGradingInput } from './round-grading';

const thresholds = { excellent: 90, good: 80, basicPass: 60 };
const round = (totals: Record<string, number>, rest: Partial<RoundGradingInput> = {}): RoundGradingInput => ({
  centers: Object.entries(totals).map(([centerId, total]) => ({ centerId, total })),
  thresholds,
  ...rest,
});
const gradesOf = (input: RoundGradingInput) => {
  const result = gradeRound(input);
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return Object.fromEntries(result.centers.map((c) => [c.centerId, c.grade]));
};

describe('grading a round (A30)', () => {
  it('A30: grades by the round’s thresholds, ranks by total', () => {
    const result = gradeRound(round({ a: 95, b: 85, c: 65, d: 40, e: 85 }));
    expect(result).toMatchObject({ ok: true, capCount: null, tieAtCap: [] });
    expect(result.ok && result.centers.map((c) => [c.centerId, c.rank, c.scoreRank, c.grade])).toEqual([
      ['a', 1, 1, 'excellent'],
      ['b', 2, 2, 'good'],
      ['e', 3, 2, 'good'],
      ['c', 4, 4, 'basic_pass'],
      ['d', 5, 5, 'fail'],
    ]);
  });

  it.each([
    ['not descending', { excellent: 80, good: 90, basicPass: 60 }],
    ['above 100', { excellent: 101, good: 80, basicPass: 60 }],
    ['below 0', { excellent: 90, good: 80, basicPass: -1 }],
  ])('A30: thresholds %s are refused', (_, bad) => {
    expect(gradeRound(round({ a: 95 }, { thresholds: bad }))).toEqual({
      ok: false,
      findings: [expect.objectContaining({ rule: 'A30-grade-thresholds', severity: 'hard', passed: false })],
    });
  });

  it('A30: the cap keeps the best by rank excellent and grades the rest good', () => {
    // 10 centers, 20 %: two excellent grades at most.
    const totals = { a: 97, b: 95, c: 93, d: 91, e: 85, f: 80, g: 75, h: 70, i: 65, j: 50 };
    expect(gradesOf(round(totals, { excellentCap: { share: 0.2 } }))).toMatchObject({
      a: 'excellent',
      b: 'excellent',
      c: 'good',
      d: 'good',
      j: 'fail',
    });
  });

  it('A30: a cap the excellent grades do not reach changes nothing', () => {
    expect(gradesOf(round({ a: 95, b: 70 }, { excellentCap: { share: 0.5 } }))).toEqual({
      a: 'excellent',
      b: 'basic_pass',
    });
  });

  const tied = { a: 96, b: 92, c: 92, d: 92, e: 85, f: 80, g: 75, h: 70, i: 65, j: 50 };

  it('A30: equal totals across the cap are listed for DST, never silently decided', () => {
    const result = gradeRound(round(tied, { excellentCap: { share: 0.2 } }));
    expect(result).toMatchObject({ ok: true, capCount: 2, tieAtCap: ['b', 'c', 'd'] });
    expect(gradesOf(round(tied, { excellentCap: { share: 0.2 } }))).toMatchObject({
      a: 'excellent',
      b: null,
      c: null,
      d: null,
      e: 'good',
    });
  });

  it('A30: DST’s tie-break decides the tie at the cap', () => {
    const input = round(tied, { excellentCap: { share: 0.2 }, tieBreak: ['d', 'b', 'c'] });
    expect(gradeRound(input)).toMatchObject({ ok: true, tieAtCap: [] });
    expect(gradesOf(input)).toMatchObject({ a: 'excellent', d: 'excellent', b: 'good', c: 'good' });
  });

  it('A30: a tie-break that leaves a tied center out leaves the tie open', () => {
    expect(gradeRound(round(tied, { excellentCap: { share: 0.2 }, tieBreak: ['d', 'b'] }))).toMatchObject({
      tieAtCap: ['d', 'b', 'c'],
    });
  });

  it('A30: an override with its reason is kept', () => {
    const input = round(
      { a: 95, b: 85 },
      { overrides: [{ centerId: 'b', grade: 'basic_pass', reason: '专项经费使用存在问题' }] },
    );
    const result = gradeRound(input);
    expect(result.ok && result.centers[1]).toMatchObject({
      computedGrade: 'good',
      cappedGrade: 'good',
      grade: 'basic_pass',
      override: { reason: '专项经费使用存在问题' },
    });
  });

  it.each([
    ['without a reason', { centerId: 'b', grade: 'fail', reason: ' ' }],
    ['for a center outside the round', { centerId: 'x', grade: 'fail', reason: '理由' }],
  ] as const)('A30: an override %s is refused', (_, override) => {
    expect(gradeRound(round({ a: 95, b: 85 }, { overrides: [override] }))).toEqual({
      ok: false,
      findings: [expect.objectContaining({ rule: 'A30-grade-override', severity: 'hard' })],
    });
  });

  it('A30: an override to excellent may not exceed the cap, but may fill a place DST freed', () => {
    const totals = { a: 95, b: 92, c: 85, d: 80 };
    const raise = { centerId: 'c', grade: 'excellent', reason: '重大成果' } as const;
    expect(gradeRound(round(totals, { excellentCap: { share: 0.5 }, overrides: [raise] }))).toEqual({
      ok: false,
      findings: [
        expect.objectContaining({ rule: 'A30-excellent-cap', details: expect.objectContaining({ raised: 'c' }) }),
      ],
    });
    const lower = { centerId: 'b', grade: 'good', reason: '数据核减' } as const;
    expect(gradesOf(round(totals, { excellentCap: { share: 0.5 }, overrides: [raise, lower] }))).toMatchObject({
      b: 'good',
      c: 'excellent',
    });
  });

  it('A30: a share outside 0–1 is refused', () => {
    expect(gradeRound(round({ a: 95 }, { excellentCap: { share: 1.5 } }))).toMatchObject({ ok: false });
  });

  it('A30: the excellent grades after the cap never exceed it; ranks are a permutation', () => {
    const centers = fc.uniqueArray(fc.record({ centerId: fc.uuid(), total: fc.integer({ min: 0, max: 100 }) }), {
      selector: (c) => c.centerId,
      maxLength: 60,
    });
    fc.assert(
      fc.property(centers, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (list, share, breakTies) => {
        const tieBreak = breakTies ? list.map((c) => c.centerId) : undefined;
        const result = gradeRound({
          centers: list,
          thresholds,
          excellentCap: { share },
          ...(tieBreak && { tieBreak }),
        });
        if (!result.ok) return false;
        const excellent = result.centers.filter((c) => c.grade === 'excellent').length;
        const ranks = result.centers.map((c) => c.rank).sort((a, b) => a - b);
        return (
          excellent <= (result.capCount ?? 0) &&
          ranks.every((r, i) => r === i + 1) &&
          (!breakTies || result.tieAtCap.length === 0)
        );
      }),
    );
  });

  it('A30: grades a round of 1,000 centers', () => {
    const centers = Array.from({ length: 1000 }, (_, i) => ({ centerId: `c${i}`, total: (i * 7919) % 101 }));
    const result = gradeRound({ centers, thresholds, excellentCap: { share: 0.15 } });
    expect(result.ok && result.centers).toHaveLength(1000);
  });
});
