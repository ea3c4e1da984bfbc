import { fallsShort, performanceShortfallFindings, type ReportedTarget } from './performance-shortfall';

const target = (values: Partial<ReportedTarget>): ReportedTarget => ({
  indicator: '发明专利授权数',
  unit: '件',
  targetValue: 5,
  achievedValue: 5,
  direction: 'at_least',
  shortfallReason: null,
  ...values,
});

describe('A35 performance shortfalls of the annual report’s funds section', () => {
  it.each([
    ['achieved below target without a reason', { achievedValue: 3 }, false],
    ['achieved below target with a reason', { achievedValue: 3, shortfallReason: '审查周期延长' }, true],
    ['a cost kept under its ceiling', { targetValue: 100, achievedValue: 90, direction: 'at_most' }, undefined],
    ['a cost over its ceiling without a reason', { targetValue: 100, achievedValue: 120, direction: 'at_most' }, false],
    ['a target not yet self-evaluated', { achievedValue: null }, undefined],
  ] as const)('A35: %s is reported as advisory, never an error', (_, values, passed) => {
    const findings = performanceShortfallFindings([
      { target: target(values), path: 'funds.allocations[0].targets[0]' },
    ]);
    expect(findings).toEqual(
      passed === undefined
        ? []
        : [
            expect.objectContaining({
              rule: 'A35-performance-shortfall',
              article: '第三十五条',
              severity: 'advisory',
              passed,
              details: expect.objectContaining({ path: 'funds.allocations[0].targets[0]' }),
            }),
          ],
    );
  });

  it('A35: a target met exactly does not fall short in either direction', () => {
    expect(fallsShort(target({}))).toBe(false);
    expect(fallsShort(target({ direction: 'at_most' }))).toBe(false);
  });
});
