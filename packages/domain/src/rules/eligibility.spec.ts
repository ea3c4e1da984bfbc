import { usccCheckCharacter } from '../identifiers/uscc';
import { checkEligibility, type EligibilityInput } from './eligibility';

const SHENYANG_UNIT = '91210102MA0P5K3L0' + usccCheckCharacter('91210102MA0P5K3L0');
const BEIJING_UNIT = '91110108MA0P5K3L0' + usccCheckCharacter('91110108MA0P5K3L0');
const CENTRAL_UNIT = '12100000MB0D4E5F6' + usccCheckCharacter('12100000MB0D4E5F6');
const INDIVIDUAL_BUSINESS = '92210102MA0P5K3L0' + usccCheckCharacter('92210102MA0P5K3L0');

const eligible: EligibilityInput = {
  supportingUnit: { uscc: SHENYANG_UNIT, legalPerson: true, kind: 'enterprise', domicileDivisionCode: '210102' },
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
      ['A12.1-kind', true],
      ['A12.3-area', true],
      ['A12.3-equipment', true],
      ['A12.4-staff', true],
    ]);
  });

  it.each([
    [
      'A12.1-province',
      'a domicile in Beijing, whatever the code',
      { supportingUnit: { ...eligible.supportingUnit, domicileDivisionCode: '110108' } },
      'hard',
      '第十二条第（一）项',
    ],
    [
      'A12.1-province',
      'no domicile recorded and a code issued outside Liaoning',
      { supportingUnit: { ...eligible.supportingUnit, uscc: BEIJING_UNIT, domicileDivisionCode: null } },
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
      'no independent legal person (a department)',
      { supportingUnit: { ...eligible.supportingUnit, legalPerson: false, kind: 'other' as const } },
      'hard',
      '第十二条第（一）项',
    ],
    [
      'A12.1-legal-person',
      'an individual business (9-2) declared a legal person',
      { supportingUnit: { ...eligible.supportingUnit, uscc: INDIVIDUAL_BUSINESS } },
      'hard',
      '第十二条第（一）项',
    ],
    [
      'A12.1-kind',
      'a legal person of a kind A3 does not list (a government body, 机关法人)',
      { supportingUnit: { ...eligible.supportingUnit, kind: 'government_department' as const } },
      'advisory',
      '第十二条第（一）项',
    ],
    [
      'A12.1-code-region',
      'a central registration (100000) domiciled in Liaoning',
      { supportingUnit: { ...eligible.supportingUnit, uscc: CENTRAL_UNIT } },
      'advisory',
      '第十二条第（一）项',
    ],
    [
      'A12.1-code-region',
      'a unit that moved from Beijing to Shenyang',
      { supportingUnit: { ...eligible.supportingUnit, uscc: BEIJING_UNIT } },
      'advisory',
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

  it('A12(一): the domicile decides; the code’s issuing office is reported beside it', () => {
    expect(outcome(eligible, 'A12.1-province')?.details).toEqual({
      domicileDivisionCode: '210102',
      regionCode: '210102',
    });
  });

  it.each([
    ['A7: a central registration (100000)', CENTRAL_UNIT],
    ['a unit that moved from Beijing', BEIJING_UNIT],
  ])('A12(一): %s domiciled in Liaoning is eligible, shown to DST to verify, never refused', (_case, uscc) => {
    const findings = checkEligibility({ ...eligible, supportingUnit: { ...eligible.supportingUnit, uscc } });
    expect(
      outcome({ ...eligible, supportingUnit: { ...eligible.supportingUnit, uscc } }, 'A12.1-province'),
    ).toMatchObject({ passed: true });
    expect(findings.filter((f) => !f.passed).map((f) => [f.rule, f.severity])).toEqual([
      ['A12.1-code-region', 'advisory'],
    ]);
  });

  it('A12(一): a Liaoning code with no domicile recorded yet stands in for it, and is not flagged', () => {
    const unit = { ...eligible.supportingUnit, domicileDivisionCode: null };
    expect(checkEligibility({ ...eligible, supportingUnit: unit }).every((f) => f.passed)).toBe(true);
  });

  it('A12(一), A3: a department that is no legal person is refused, and not judged on its kind', () => {
    const unit = { ...eligible.supportingUnit, legalPerson: false, kind: 'other' as const };
    const failed = checkEligibility({ ...eligible, supportingUnit: unit }).filter((f) => !f.passed);
    expect(failed.map((f) => [f.rule, f.severity])).toEqual([['A12.1-legal-person', 'hard']]);
  });

  it('A3: every kind A3 lists passes the kind check', () => {
    for (const kind of ['enterprise', 'university', 'research_institute', 'new_rnd_institution'] as const) {
      expect(outcome({ ...eligible, supportingUnit: { ...eligible.supportingUnit, kind } }, 'A12.1-kind')?.passed).toBe(
        true,
      );
    }
  });
});
