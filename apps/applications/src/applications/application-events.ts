import {
  ApplicationFormalReviewPassed,
  ApplicationRecommended,
  ApplicationRejected,
  ApplicationWithdrawn,
  ApplicationReturned,
  ApplicationShortlisted,
  ApplicationSubmitted,
  ApplicationSupportingReviewPassed,
} from '@tic/contracts';
import { centerName, type ApplicationAction, type ApplicationStatus } from '@tic/domain';
import { type Caller, eventActor } from '@tic/platform';

import type { Application } from './application.entity';

/** The event each simple step of A13 publishes (filing publishes the center's). */
export const STEP_EVENTS = {
  submit: ApplicationSubmitted,
  pass_supporting_review: ApplicationSupportingReviewPassed,
  recommend: ApplicationRecommended,
  pass_formal_review: ApplicationFormalReviewPassed,
  shortlist: ApplicationShortlisted,
  return: ApplicationReturned,
  reject: ApplicationRejected,
  withdraw: ApplicationWithdrawn,
} as const satisfies Partial<Record<ApplicationAction, unknown>>;

/** The fields every application event carries. */
export function applicationEventData(
  application: Application,
  step: { from: ApplicationStatus; to: ApplicationStatus; article: string; comment?: string | undefined },
  caller: Caller | { userId: string; name: string; role: 'public' | 'system' },
) {
  const field = { zh: application.fieldZh, en: application.fieldEn };
  return {
    applicationId: application.id,
    callId: application.callId,
    field,
    proposedName: centerName(field),
    constructionUnitId: application.constructionUnitId,
    supportingUnitId: application.supportingUnitId,
    coBuilderIds: application.coBuilderIds,
    recommenderId: application.recommenderId,
    from: step.from,
    to: step.to,
    actor: 'orgId' in caller ? eventActor(caller) : caller,
    article: step.article,
    ...(step.comment ? { comment: step.comment } : {}),
  };
}
