import { usccCheckCharacter } from '../identifiers/uscc';
import { checkEligibility, type EligibilityInput } from './eligibility';

const SHENYANG_UNIT = '91210102MA0P5K3L0' + usccCheckCharacter('91210102MA0P5K3L0');
const BEIJING_UNIT = '91110108MA0P5K3L0' + usccCheckCharacter('91110108MA0P5K3L0');

const eligible: EligibilityInput = {
  supportingUnit: { uscc: SHENYANG_UNIT, legalPerson: true, kind: 'enterprise' },
  areaM2: 1000,
  equipmentValueCny: 7_500_000,
  technicalLeaders: 1,
  fullTimeStaff: 1,
};

const outcome = (input: EligibilityInput, rule: string) => checkEligibility(input).find((f) => f.rule === rule);

describe('checkEligibility (A12)', () => {
  it('passes every rule exactly at the thresholds', () => {
    const findings = checkEligibility(eligible);
    expect(findings.map((f) => [f.rule, f.passed])).toEqual([
      ['A12.1-province', true],
      ['A12.1-legal-person', true],
      ['A12.3-area', true],
      ['A12.3-equipment', true],
      ['A12.4-staff', true],
    ]);
  });

  it.each([
    [
      'A12.1-province',
      'a supporting unit registered in Beijing',
      { supportingUnit: { ...eligible.supportingUnit, uscc: BEIJING_UNIT } },
      'hard',
      '第十二条第（一）项',
    ],
    [
      'A12.1-province',
      'an invalid credit code',
      { supportingUnit: { ...eligible.supportingUnit, uscc: '91210102MA0P5K3L0X' } },
      'hard',
      '第十二条第（一）项',
    ],
    [
      'A12.1-legal-person',
      'no independent legal person',
      { supportingUnit: { ...eligible.supportingUnit, legalPerson: false } },
      'hard',
      '第十二条第（一）项',
    ],
    [
      'A12.1-legal-person',
      'a government department',
      { supportingUnit: { ...eligible.supportingUnit, kind: 'government_department' as const } },
      'hard',
      '第十二条第（一）项',
    ],
    ['A12.3-area', '999 m²', { areaM2: 999 }, 'principle', '第十二条第（三）项'],
    ['A12.3-equipment', '7,499,999 CNY', { equipmentValueCny: 7_499_999 }, 'principle', '第十二条第（三）项'],
    ['A12.4-staff', 'no technical leader', { technicalLeaders: 0 }, 'hard', '第十二条第（四）项'],
    ['A12.4-staff', 'no full-time staff', { fullTimeStaff: 0 }, 'hard', '第十二条第（四）项'],
  ])('%s fails for %s', (rule, _case, change, severity, article) => {
    const found = outcome({ ...eligible, ...change }, rule);
    expect(found).toMatchObject({ rule, passed: false, severity, article });
    expect(found?.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(found?.message.en).toMatch(/[a-z]/);
  });

  it('A12(二): evidence is reported as advisory, for the expert review to judge', () => {
    expect(outcome({ ...eligible, achievementEvidence: 0 }, 'A12.2-achievements')).toMatchObject({
      passed: false,
      severity: 'advisory',
    });
    expect(outcome({ ...eligible, achievementEvidence: 3 }, 'A12.2-achievements')).toMatchObject({ passed: true });
  });

  it('reports the region of the supporting unit', () => {
    expect(outcome(eligible, 'A12.1-province')?.details).toEqual({ regionCode: '210102' });
  });
});
