import { z } from 'zod';

import { entityId, instant, isoDate, localizedText } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion, pageOf, pageRequest } from '../paging';

const noticeEntry = z.object({
  applicationId: entityId,
  proposedName: localizedText,
  supportingUnitName: z.string(),
  status: z.enum(['public_notice', 'objection_review', 'approved', 'filed', 'rejected', 'withdrawn']),
});

/** A13(四): a public notice (公示) of shortlisted applications. */
export const noticeSchema = z.object({
  id: entityId,
  title: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  endsOnProvisional: z.boolean(),
  workingDays: z.number().int().nullable().describe('the notice runs this many working days, its first counted'),
  calendarDays: z.number().int().nullable().describe('or this many calendar days, its first counted (a setting)'),
  status: z.enum(['open', 'ended']),
  entries: z.array(noticeEntry),
});
export type NoticeDto = z.output<typeof noticeSchema>;

export const PublishNotice = defineRpc({
  service: 'applications',
  operation: 'notices.publish',
  summary: 'A13(四): DST publishes shortlisted applications; the notice ends after the configured working days',
  request: z
    .object({
      title: z.string().trim().min(4).max(200),
      applicationIds: z.array(entityId).min(1).max(500),
      startsOn: isoDate.optional().describe('defaults to today'),
      workingDays: z.number().int().min(1).max(30).optional().describe('defaults to the platform setting (5)'),
      calendarDays: z
        .number()
        .int()
        .min(1)
        .max(60)
        .optional()
        .describe('DOMAIN.md §7: a notice of calendar days (Liaoning has used 7) instead of working days'),
      versions: z.record(z.string(), expectedVersion).optional().describe('application id → version read'),
    })
    .refine((r) => r.workingDays === undefined || r.calendarDays === undefined, {
      path: ['calendarDays'],
      error: 'a notice runs either workingDays or calendarDays, not both',
    }),
  response: noticeSchema,
});

export const ListPublicNotices = defineRpc({
  service: 'applications',
  operation: 'notices.public',
  summary: 'Open public notices, for anyone (no sign-in)',
  request: z.object({ ...pageRequest, includeEnded: z.coerce.boolean().default(false) }),
  response: pageOf(noticeSchema),
});

export const objectionSchema = z.object({
  id: entityId,
  noticeId: entityId,
  applicationId: entityId,
  objectorName: z.string().nullable(),
  objectorUnit: z.string().nullable(),
  realName: z.boolean(),
  grounds: z.string(),
  filedAt: instant,
  status: z
    .enum(['recorded', 'under_review', 'upheld', 'dismissed', 'closed'])
    .describe('closed: settled when another objection to the same application was upheld'),
  decisionComment: z.string().nullable(),
});

export const FileObjection = defineRpc({
  service: 'applications',
  operation: 'objections.file',
  summary: 'A13(四): an objection inside the window; named ones hold the application, anonymous ones are recorded only',
  request: z
    .object({
      noticeId: entityId,
      applicationId: entityId,
      objectorName: z.string().trim().min(2).max(50).optional(),
      objectorUnit: z.string().trim().min(2).max(100).optional().describe('a unit objecting under its seal'),
      contact: z.string().trim().min(5).max(100).optional(),
      grounds: z.string().trim().min(10).max(10_000),
    })
    .refine((o) => (o.objectorName === undefined && o.objectorUnit === undefined) || o.contact !== undefined, {
      path: ['contact'],
      error: 'a named objection needs a contact',
    }),
  response: objectionSchema,
});

export const DecideObjection = defineRpc({
  service: 'applications',
  operation: 'objections.decide',
  summary: 'DST upholds an objection (the application is rejected) or dismisses it (back to the notice)',
  request: z.object({ objectionId: entityId, upheld: z.boolean(), comment: z.string().trim().min(4).max(5000) }),
  response: objectionSchema,
});

export const ListObjections = defineRpc({
  service: 'applications',
  operation: 'objections.list',
  summary: 'Objections of a notice or an application (DST)',
  request: z.object({ ...pageRequest, noticeId: entityId.optional(), applicationId: entityId.optional() }),
  response: pageOf(objectionSchema),
});
