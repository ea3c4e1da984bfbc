import { applicationLifecycle, centerName, type Finding } from '@tic/domain';
import type { ApplicationDto } from '@tic/contracts';
import type { Caller } from '@tic/platform';

import type { Application } from './application.entity';
import { waiverViews } from './application-waivers';

/** The read model of an application for the caller: findings, waivers, history and allowed actions. */
export function toApplicationDto(
  application: Application,
  findings: readonly Finding[],
  history: ApplicationDto['history'],
  caller: Caller,
  today: string,
): ApplicationDto {
  const field = { zh: application.fieldZh, en: application.fieldEn };
  return {
    id: application.id,
    version: application.version,
    status: application.status,
    callId: application.callId,
    constructionUnitId: application.constructionUnitId,
    supportingUnitId: application.supportingUnitId,
    proposedCoBuilderIds: application.proposedCoBuilderIds,
    coBuilderIds: application.coBuilderIds,
    coBuildersConfirmedAt: application.coBuildersConfirmedAt?.toISOString() ?? null,
    recommenderId: application.recommenderId,
    regionCode: application.regionCode,
    field,
    proposedName: centerName(field),
    areaM2: application.areaM2,
    equipmentValueCny: application.equipmentValueCny,
    technicalLeaders: application.technicalLeaders,
    fullTimeStaff: application.fullTimeStaff,
    achievements: application.achievements,
    cooperation: application.cooperation,
    requestedTrack: application.requestedTrack,
    findings: findings.map(({ rule, article, severity, passed, message }) => ({
      rule,
      article,
      severity,
      passed,
      message,
    })),
    waivers: waiverViews(application, findings),
    allowedActions: applicationLifecycle.actionsFor(application.status, caller.role),
    history,
    centerId: application.centerId,
    track: application.track,
    // A11: shown while the construction unit has the returned application; overdue once the date has passed.
    revision:
      application.status === 'draft' && application.returnedOn !== null
        ? {
            returnedOn: application.returnedOn,
            reviseBy: application.reviseBy,
            overdue: application.reviseBy !== null && today > application.reviseBy,
          }
        : null,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  };
}
