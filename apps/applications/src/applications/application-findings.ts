import { checkCenterField, checkEligibility, type Finding } from '@tic/domain';

import type { Organization } from '../organizations/organization.entity';
import type { Application } from './application.entity';

/** A12 and A37 findings on an application as it stands, from @tic/domain. */
export function applicationFindings(application: Application, supportingUnit: Organization): Finding[] {
  return [
    ...checkEligibility({
      supportingUnit: {
        uscc: supportingUnit.uscc ?? '',
        legalPerson: supportingUnit.legalPerson,
        kind: supportingUnit.kind,
        domicileDivisionCode: supportingUnit.domicileDivisionCode,
      },
      areaM2: application.areaM2,
      equipmentValueCny: application.equipmentValueCny,
      technicalLeaders: application.technicalLeaders,
      fullTimeStaff: application.fullTimeStaff,
      achievementEvidence: application.evidenceCount(),
    }),
    checkCenterField({ zh: application.fieldZh, en: application.fieldEn }),
  ];
}
