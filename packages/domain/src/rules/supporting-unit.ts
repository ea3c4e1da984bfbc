import { finding, type Finding } from '../findings';
import { LIAONING_PROVINCE_CODE } from '../identifiers/division-codes';
import { validateUscc } from '../identifiers/uscc';
import { SUPPORTING_UNIT_KINDS, type OrganizationKind } from '../organizations';

/** The supporting unit as the registry holds it, with its business licence's facts. */
export interface SupportingUnitFacts {
  readonly uscc: string;
  /** From the business licence or legal-person certificate, kept as evidence. */
  readonly legalPerson: boolean;
  readonly kind?: OrganizationKind;
  /** The division code of the registered domicile (住所) on the licence; null when not recorded yet. */
  readonly domicileDivisionCode?: string | null;
}

/**
 * A12(一), A3, A7: registered in Liaoning and an independent legal person. The domicile decides where a
 * unit is registered; the credit code's division part only says which office first issued it.
 */
export function checkSupportingUnit(unit: SupportingUnitFacts): Finding[] {
  const code = validateUscc(unit.uscc);
  if (!code.valid) {
    return [
      finding(
        'A12.1-province',
        false,
        {
          zh: `依托单位统一社会信用代码无效（${code.reason}）`,
          en: `The supporting unit’s Unified Social Credit Code is invalid (${code.reason})`,
        },
        { reason: code.reason ?? 'invalid' },
      ),
      checkLegalPerson(unit, false),
    ];
  }
  const findings = [checkDomicile(unit.domicileDivisionCode ?? null, code.regionCode ?? '')];
  // A7 names 在辽中直单位 (code 100000) as eligible, and a unit keeps its code when it moves: DST verifies.
  if (code.inLiaoning !== true) {
    findings.push(
      finding(
        'A12.1-code-region',
        false,
        {
          zh: code.central
            ? '统一社会信用代码为中央登记（100000），请核对营业执照住所是否在辽宁（第七条在辽中直单位）'
            : `统一社会信用代码由省外（${code.regionCode}）登记机关赋码，请核对营业执照住所是否在辽宁`,
          en: code.central
            ? 'The credit code is a central registration (100000): verify the licence’s domicile is in Liaoning (A7)'
            : `The credit code was issued outside Liaoning (${code.regionCode}): verify the licence’s domicile`,
        },
        { regionCode: code.regionCode ?? '', central: code.central === true },
      ),
    );
  }
  findings.push(checkLegalPerson(unit, code.legalPersonality === 'no'));
  const kindFinding = checkKind(unit);
  if (kindFinding !== null) findings.push(kindFinding);
  return findings;
}

function checkDomicile(domicile: string | null, regionCode: string): Finding {
  if (domicile !== null) {
    const inLiaoning = domicile.startsWith(LIAONING_PROVINCE_CODE);
    return finding(
      'A12.1-province',
      inLiaoning,
      inLiaoning
        ? { zh: `依托单位住所在辽宁（${domicile}）`, en: `The registered domicile is in Liaoning (${domicile})` }
        : {
            zh: `依托单位住所不在辽宁（${domicile}）`,
            en: `The registered domicile is outside Liaoning (${domicile})`,
          },
      { domicileDivisionCode: domicile, regionCode },
    );
  }
  // Units registered before the domicile was recorded: a Liaoning-issued code stands in, DST checks the licence.
  const inLiaoning = regionCode.startsWith(LIAONING_PROVINCE_CODE);
  return finding(
    'A12.1-province',
    inLiaoning,
    inLiaoning
      ? {
          zh: `未登记住所，信用代码由省内登记机关赋码（${regionCode}），以营业执照为准`,
          en: `No domicile recorded; the credit code was issued in Liaoning (${regionCode}), the licence decides`,
        }
      : {
          zh: '未登记依托单位住所，请按营业执照登记住所',
          en: 'The supporting unit’s domicile is not recorded: record it from the business licence',
        },
    { regionCode },
  );
}

function checkLegalPerson(unit: SupportingUnitFacts, codeSaysNot: boolean): Finding {
  // GB 32100 9-2 is an individual business (个体工商户): never a legal person, whatever was typed.
  const passed = unit.legalPerson && !codeSaysNot;
  return finding(
    'A12.1-legal-person',
    passed,
    passed
      ? { zh: '依托单位具有独立法人资格', en: 'The supporting unit is an independent legal person' }
      : codeSaysNot
        ? {
            zh: '依托单位为个体工商户（代码9-2），不具有独立法人资格',
            en: 'The supporting unit is an individual business (code 9-2), not an independent legal person',
          }
        : {
            zh: '依托单位不具有独立法人资格（如内设部门、分支机构）',
            en: 'The supporting unit is not an independent legal person (e.g. a department or branch office)',
          },
  );
}

function checkKind(unit: SupportingUnitFacts): Finding | null {
  if (unit.kind === undefined || !unit.legalPerson) return null;
  const listed = SUPPORTING_UNIT_KINDS.includes(unit.kind);
  return finding(
    'A12.1-kind',
    listed,
    listed
      ? { zh: '依托单位类型为第三条所列', en: 'The supporting unit is of a kind A3 lists' }
      : {
          zh: '依托单位为第三条所列（企业、高校、科研院所、新型研发机构）以外的法人，由省科技厅判断',
          en: 'The supporting unit is a legal person of a kind A3 does not list; A3’s list is open (等), DST judges',
        },
    { kind: unit.kind },
  );
}
