import {
  checkIndicatorSystem,
  DEFAULT_INDICATOR_SYSTEM,
  indicatorsOf,
  scoreCenter,
  type IndicatorScore,
  type IndicatorSystem,
} from './evaluation-indicators';

const name = { zh: '指标', en: 'indicator' };
const system = (...weights: number[]): IndicatorSystem => ({
  dimensions: [{ key: 'd', name, indicators: weights.map((weight, i) => ({ key: `i${i}`, name, weight })) }],
});
const scored = (sys: IndicatorSystem, score: (i: number) => number): IndicatorScore[] =>
  indicatorsOf(sys).map((ind, i) => ({ indicatorKey: ind.key, score: score(i), evidence: '现场考察记录' }));

describe('the indicator system of a round (A29)', () => {
  it('A29: the default template has the seven dimensions, covers every A29 focus and weighs 100', () => {
    expect(DEFAULT_INDICATOR_SYSTEM.dimensions).toHaveLength(7);
    expect(checkIndicatorSystem(DEFAULT_INDICATOR_SYSTEM)).toEqual([
      expect.objectContaining({ rule: 'A29-indicator-system', passed: true }),
    ]);
    const focuses = new Set(indicatorsOf(DEFAULT_INDICATOR_SYSTEM).map((i) => i.focus));
    expect(focuses.size - (focuses.has(undefined) ? 1 : 0)).toBe(8);
  });

  it.each([
    ['weights summing to 99', system(50, 49), 'The weights sum to 99, not 100'],
    ['weights summing to 101', system(50, 51), 'The weights sum to 101, not 100'],
    ['a zero weight', system(100, 0), 'Indicator i1 needs a weight above 0'],
    ['a negative weight', system(110, -10), 'Indicator i1 needs a weight above 0'],
  ])('A29: %s is refused', (_, sys, en) => {
    expect(checkIndicatorSystem(sys)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ passed: false, severity: 'hard', message: expect.objectContaining({ en }) }),
      ]),
    );
  });

  it('A29: fractional weights that sum to 100 pass despite floating point', () => {
    expect(checkIndicatorSystem(system(33.33, 33.33, 33.34))).toEqual([expect.objectContaining({ passed: true })]);
  });

  it('A29: indicator keys are unique across dimensions', () => {
    const sys: IndicatorSystem = {
      dimensions: [
        { key: 'a', name, indicators: [{ key: 'x', name, weight: 50 }] },
        { key: 'b', name, indicators: [{ key: 'x', name, weight: 50 }] },
      ],
    };
    expect(checkIndicatorSystem(sys)).toEqual([
      expect.objectContaining({ passed: false, message: expect.objectContaining({ en: 'Indicator x appears twice' }) }),
    ]);
  });
});

describe('scoring a center (A29)', () => {
  it('A29: the total is Σ weight × score / 100, rounded half up to two decimals', () => {
    const sys = system(33.33, 33.33, 33.34);
    const result = scoreCenter(
      sys,
      scored(sys, (i) => [90, 90, 90][i] ?? 0),
    );
    expect(result).toEqual({ ok: true, total: 90, byDimension: { d: 90 } });
    const uneven = scoreCenter(
      sys,
      scored(sys, (i) => [88.5, 91, 77.25][i] ?? 0),
    );
    // (2949.705 + 3033.03 + 2575.515) / 100 = 85.5825
    expect(uneven).toMatchObject({ ok: true, total: 85.58 });
    const half = system(50, 50);
    // (4500.5 + 4500) / 100 = 90.005: half up, whatever floating point makes of 50 × 90.01
    expect(
      scoreCenter(
        half,
        scored(half, (i) => (i === 0 ? 90.01 : 90)),
      ),
    ).toMatchObject({ total: 90.01 });
  });

  it('A29: the default template scores per dimension', () => {
    const result = scoreCenter(
      DEFAULT_INDICATOR_SYSTEM,
      scored(DEFAULT_INDICATOR_SYSTEM, () => 80),
    );
    expect(result).toMatchObject({ ok: true, total: 80, byDimension: { rd_output: 28, funds: 4 } });
  });

  it('A29: every indicator must be scored; the missing ones are listed', () => {
    const sys = system(40, 30, 30);
    const result = scoreCenter(sys, scored(sys, () => 70).slice(0, 1));
    expect(result).toMatchObject({ ok: false, missing: ['i1', 'i2'] });
    expect(result.ok ? [] : result.findings).toEqual([
      expect.objectContaining({
        rule: 'A29-indicator-scores',
        message: expect.objectContaining({ en: 'Not yet scored: i1, i2' }),
      }),
    ]);
  });

  it.each([
    ['a score above 100', { score: 101 }],
    ['a negative score', { score: -1 }],
    ['no evidence', { evidence: '  ' }],
    ['an unknown indicator', { indicatorKey: 'nope' }],
  ])('A29: %s is refused', (_, change) => {
    const sys = system(50, 50);
    const [first, second] = scored(sys, () => 70);
    const result = scoreCenter(sys, [{ ...first!, ...change }, second!]);
    expect(result.ok).toBe(false);
  });
});
