import { finding, type Finding } from '../findings';
import { checkSupportingUnit, type SupportingUnitFacts } from './supporting-unit';

/** A12(三): R&D site area in m², in principle. */
export const MIN_SITE_AREA_M2 = 1000;
/** A12(三): original value of research instruments in CNY, in principle. */
export const MIN_EQUIPMENT_VALUE_CNY = 7_500_000;

export interface EligibilityInput {
  readonly supportingUnit: SupportingUnitFacts;
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
    ...checkSupportingUnit(input.supportingUnit),
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
