import { z } from 'zod';

import { defineEvent } from '../define-event';
import { actorSchema, applicationStatusSchema, centerField, entityId, isoDate, localizedText } from '../schemas';

/** Who an application belongs to, carried by every application event so that subscribers can route it. */
const applicationRef = {
  applicationId: entityId,
  callId: entityId,
  field: centerField,
  proposedName: localizedText.describe('the A37 name the center would carry'),
  constructionUnitId: entityId,
  supportingUnitId: entityId,
  coBuilderIds: z.array(entityId).describe('A10: the co-building units its supporting unit confirmed'),
  recommenderId: entityId,
};

/** One step of the application lifecycle (A13). */
const transition = {
  from: applicationStatusSchema,
  to: applicationStatusSchema,
  actor: actorSchema,
  article: z.string().min(1),
  comment: z.string().optional(),
};

const step = (summary: string) => ({
  producer: 'applications' as const,
  summary,
  data: z.object({ ...applicationRef, ...transition }),
});

export const ApplicationSubmitted = defineEvent({
  type: 'tic.application.submitted',
  ...step('A13(一): the construction unit submitted its application to the supporting unit'),
});
export const ApplicationSupportingReviewPassed = defineEvent({
  type: 'tic.application.supporting_review_passed',
  ...step('A13(二): the supporting unit reviewed the application and passed it to the recommender'),
});
export const ApplicationRecommended = defineEvent({
  type: 'tic.application.recommended',
  ...step('A13(二): the recommending unit recommended the application to DST'),
});
export const ApplicationFormalReviewPassed = defineEvent({
  type: 'tic.application.formal_review_passed',
  ...step('A13(三): DST’s formal review passed; the expert review follows'),
});
export const ApplicationShortlisted = defineEvent({
  type: 'tic.application.shortlisted',
  ...step('A13(三): DST put the application on the list of centers to establish'),
});
export const ApplicationReturned = defineEvent({
  type: 'tic.application.returned',
  ...step('A13: a reviewer returned the application to the construction unit for revision, with comments'),
});
export const ApplicationRejected = defineEvent({
  type: 'tic.application.rejected',
  ...step('A13: a reviewer rejected the application (DST also during its public notice), or DST upheld an objection'),
});
export const ApplicationWithdrawn = defineEvent({
  type: 'tic.application.withdrawn',
  ...step('A13(四): DST withdrew the application from its public notice, with reasons; it is not approved'),
});

export const ApplicationObjectionFiled = defineEvent({
  type: 'tic.application.objection_filed',
  producer: 'applications',
  summary: 'A13(四): a named objection was filed during the public notice; the application is held',
  data: z.object({ ...applicationRef, ...transition, objectionId: entityId, noticeId: entityId }),
});

export const ApplicationObjectionDecided = defineEvent({
  type: 'tic.application.objection_decided',
  producer: 'applications',
  summary: 'A13(四): DST upheld (application rejected) or dismissed (back to the notice) an objection',
  data: z.object({ ...applicationRef, ...transition, objectionId: entityId, upheld: z.boolean() }),
});

export const ApplicationApproved = defineEvent({
  type: 'tic.application.approved',
  producer: 'applications',
  summary: 'A13(四): DST approved the application, formally or for preparation (A12); the center is established',
  data: z.object({
    ...applicationRef,
    ...transition,
    centerId: entityId,
    track: z.enum(['formal', 'preparation']),
    approvedOn: isoDate,
    waivedRules: z
      .array(z.object({ rule: z.string(), article: z.string(), reason: z.string() }))
      .describe('principle rules DST waived, with reasons'),
  }),
});

export const PublicNoticeStarted = defineEvent({
  type: 'tic.public_notice.started',
  producer: 'applications',
  summary: 'A13(四): DST published a public notice (公示) of shortlisted applications',
  data: z.object({
    noticeId: entityId,
    title: z.string().min(1),
    applicationIds: z.array(entityId).min(1),
    startsOn: isoDate,
    endsOn: isoDate,
    endsOnProvisional: z
      .boolean()
      .describe('true while the end date rests on a year whose holiday schedule is not published'),
    workingDays: z.number().int().min(1).optional().describe('set for a notice of working days (the default)'),
    calendarDays: z.number().int().min(1).optional().describe('set instead for a notice of calendar days'),
  }),
});

export const PublicNoticeEnded = defineEvent({
  type: 'tic.public_notice.ended',
  producer: 'applications',
  summary: 'A13(四): the public notice period ended',
  data: z.object({
    noticeId: entityId,
    applicationIds: z.array(entityId),
    endedOn: isoDate,
    heldApplicationIds: z.array(entityId).describe('applications still held by an undecided objection'),
  }),
});
