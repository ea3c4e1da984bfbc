import { finding, type Finding } from '../findings';
import { validateUscc } from '../identifiers/uscc';
import { SUPPORTING_UNIT_KINDS, type OrganizationKind } from '../organizations';

/** A12(三): R&D site area in m², in principle. */
export const MIN_SITE_AREA_M2 = 1000;
/** A12(三): original value of research instruments in CNY, in principle. */
export const MIN_EQUIPMENT_VALUE_CNY = 7_500_000;

export interface EligibilityInput {
  readonly supportingUnit: {
    readonly uscc: string;
    readonly legalPerson: boolean;
    readonly kind?: OrganizationKind;
  };
  readonly areaM2: number;
  readonly equipmentValueCny: number;
  readonly technicalLeaders: number;
  readonly fullTimeStaff: number;
  /** A12(二): evidence attachments declared for achievements and cooperation mechanisms. */
  readonly achievementEvidence?: number;
}

/** A12: the basic conditions of an application, one finding per rule. */
export function checkEligibility(input: EligibilityInput): Finding[] {
  const findings = [
    checkProvince(input.supportingUnit.uscc),
    checkLegalPerson(input.supportingUnit.legalPerson, input.supportingUnit.kind),
    finding(
      'A12.3-area',
      input.areaM2 >= MIN_SITE_AREA_M2,
      input.areaM2 >= MIN_SITE_AREA_M2
        ? { zh: `场地面积${input.areaM2}平方米，达到1000平方米`, en: `Site area ${input.areaM2} m² meets 1000 m²` }
        : {
            zh: `场地面积${input.areaM2}平方米，低于原则上要求的1000平方米`,
            en: `Site area ${input.areaM2} m² is below the 1000 m² expected in principle`,
          },
      { areaM2: input.areaM2, minimum: MIN_SITE_AREA_M2 },
    ),
    finding(
      'A12.3-equipment',
      input.equipmentValueCny >= MIN_EQUIPMENT_VALUE_CNY,
      input.equipmentValueCny >= MIN_EQUIPMENT_VALUE_CNY
        ? {
            zh: `仪器设备原值${formatWan(input.equipmentValueCny)}万元，达到750万元`,
            en: `Instruments worth ${input.equipmentValueCny} CNY meet 7,500,000 CNY`,
          }
        : {
            zh: `仪器设备原值${formatWan(input.equipmentValueCny)}万元，低于原则上要求的750万元`,
            en: `Instruments worth ${input.equipmentValueCny} CNY are below the 7,500,000 CNY expected in principle`,
          },
      { equipmentValueCny: input.equipmentValueCny, minimum: MIN_EQUIPMENT_VALUE_CNY },
    ),
    checkStaff(input.technicalLeaders, input.fullTimeStaff),
  ];
  if (input.achievementEvidence !== undefined) {
    const declared = input.achievementEvidence > 0;
    findings.push(
      finding(
        'A12.2-achievements',
        declared,
        declared
          ? {
              zh: `已提交${input.achievementEvidence}份成果与合作机制证明材料，由专家评审判断`,
              en: `${input.achievementEvidence} evidence attachments declared; the expert review judges them`,
            }
          : {
              zh: '未提交科研成果与产学研合作机制的证明材料',
              en: 'No evidence of achievements or cooperation mechanisms is attached',
            },
        { evidence: input.achievementEvidence },
      ),
    );
  }
  return findings;
}

function checkProvince(uscc: string): Finding {
  const result = validateUscc(uscc);
  if (!result.valid) {
    return finding('A12.1-province', false, {
      zh: `依托单位统一社会信用代码无效（${result.reason}）`,
      en: `The supporting unit’s Unified Social Credit Code is invalid (${result.reason})`,
    });
  }
  return finding(
    'A12.1-province',
    result.inLiaoning === true,
    result.inLiaoning
      ? {
          zh: `依托单位在省内注册（行政区划代码${result.regionCode}）`,
          en: `Registered in Liaoning (division code ${result.regionCode})`,
        }
      : {
          zh: `依托单位注册地行政区划代码${result.regionCode}不在辽宁省`,
          en: `Registered outside Liaoning (division code ${result.regionCode})`,
        },
    { regionCode: result.regionCode ?? '' },
  );
}

function checkLegalPerson(legalPerson: boolean, kind: OrganizationKind | undefined): Finding {
  const eligibleKind = kind === undefined || SUPPORTING_UNIT_KINDS.includes(kind);
  if (!legalPerson) {
    return finding('A12.1-legal-person', false, {
      zh: '依托单位不具有独立法人资格',
      en: 'The supporting unit is not an independent legal person',
    });
  }
  return finding(
    'A12.1-legal-person',
    eligibleKind,
    eligibleKind
      ? { zh: '依托单位具有独立法人资格', en: 'The supporting unit is an independent legal person' }
      : {
          zh: '依托单位应为企业、高等学校、科研院所或新型研发机构',
          en: 'The supporting unit must be an enterprise, university, research institute or new R&D institution',
        },
  );
}

function checkStaff(technicalLeaders: number, fullTimeStaff: number): Finding {
  const passed = technicalLeaders >= 1 && fullTimeStaff >= 1;
  return finding(
    'A12.4-staff',
    passed,
    passed
      ? {
          zh: `技术带头人${technicalLeaders}人，专职研发与管理人员${fullTimeStaff}人`,
          en: `${technicalLeaders} technical leader(s) and ${fullTimeStaff} full-time R&D and management staff`,
        }
      : {
          zh: '须有技术带头人及专职的技术研发与管理人员',
          en: 'At least one technical leader and full-time R&D and management staff are required',
        },
    { technicalLeaders, fullTimeStaff },
  );
}

function formatWan(cny: number): string {
  return String(Math.round(cny / 100) / 100);
}
