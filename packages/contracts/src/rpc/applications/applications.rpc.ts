import { z } from 'zod';

import { APPLICATION_ACTIONS } from '@tic/domain';

import {
  actorRoleSchema,
  applicationStatusSchema,
  centerField,
  entityId,
  findingSchema,
  instant,
  isoDate,
  localizedText,
  queryYear,
  ruleIdSchema,
} from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion, pageOf, pageRequest } from '../paging';

/** Metadata of an evidence file; the file itself lives in the document store. */
const evidence = z.object({
  fileName: z.string().trim().min(1).max(200),
  sizeBytes: z
    .number()
    .int()
    .min(0)
    .max(200 * 1024 * 1024),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  ref: z.string().trim().min(1).max(500).describe('where the document store keeps it'),
});

/** A12(二): an achievement or a cooperation mechanism, declared with its evidence. */
const declaration = z.object({
  title: z.string().trim().min(2).max(200),
  description: z.string().trim().max(5000).default(''),
  evidence: z.array(evidence).max(50).default([]),
});

/** What the construction unit fills in (A12, A13(一)). */
export const applicationForm = z.object({
  field: centerField,
  supportingUnitId: entityId,
  proposedCoBuilderIds: z
    .array(entityId)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'names a unit twice')
    .default([])
    .describe('A10: co-building units the construction unit names; each counts once its supporting unit confirms it'),
  areaM2: z.number().min(0).max(10_000_000),
  equipmentValueCny: z.number().min(0).max(1e12),
  technicalLeaders: z.number().int().min(0).max(1000),
  fullTimeStaff: z.number().int().min(0).max(100_000),
  achievements: z.array(declaration).max(100).default([]),
  cooperation: z.array(declaration).max(100).default([]),
  requestedTrack: z.enum(['formal', 'preparation']).default('formal'),
});

const historyEntry = z.object({
  at: instant,
  actorName: z.string(),
  role: actorRoleSchema,
  action: z.string(),
  from: applicationStatusSchema,
  to: applicationStatusSchema,
  comment: z.string().nullable(),
  article: z.string(),
});

const waiver = z.object({
  rule: ruleIdSchema,
  article: z.string(),
  reason: z.string(),
  recordedBy: z.string(),
  recordedAt: instant,
  /** DOMAIN.md §3: the finding as it stood when waived (rule, article, the values decided on). */
  finding: z
    .object({
      rule: ruleIdSchema,
      article: z.string(),
      details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    })
    .optional(),
  /** Null while the waiver covers its finding; otherwise why it lapsed (returned, edited, facts changed). */
  lapsed: z.object({ code: z.string(), message: localizedText, on: z.string().optional() }).nullable().optional(),
});

export const applicationSchema = applicationForm.extend({
  id: entityId,
  version: z.number().int(),
  status: applicationStatusSchema,
  callId: entityId,
  constructionUnitId: entityId,
  recommenderId: entityId,
  regionCode: z.string(),
  coBuilderIds: z
    .array(entityId)
    .describe(
      'A10: the co-building units the supporting unit confirmed: they read the application, their experts are not drawn',
    ),
  coBuildersConfirmedAt: instant.nullable().describe('when the supporting unit confirmed them; null until then'),
  proposedName: localizedText,
  /** A12 and A37 findings on the application as it stands. */
  findings: z.array(findingSchema),
  waivers: z.array(waiver),
  /** Actions the caller may take now. */
  allowedActions: z.array(z.enum(APPLICATION_ACTIONS)),
  history: z.array(historyEntry),
  centerId: entityId.nullable(),
  track: z.enum(['formal', 'preparation']).nullable(),
  revision: z
    .object({
      returnedOn: isoDate,
      reviseBy: isoDate.nullable(),
      overdue: z.boolean().describe('the date set has passed: the resubmission is refused (A11)'),
    })
    .nullable()
    .describe('A11: while a returned application waits for its revision, the date the reviewer set for it'),
  createdAt: instant,
  updatedAt: instant,
});
export type ApplicationDto = z.output<typeof applicationSchema>;

export const applicationSummarySchema = applicationSchema.pick({
  id: true,
  version: true,
  status: true,
  callId: true,
  field: true,
  proposedName: true,
  supportingUnitId: true,
  constructionUnitId: true,
  recommenderId: true,
  regionCode: true,
  requestedTrack: true,
  updatedAt: true,
});

export const CreateApplication = defineRpc({
  service: 'applications',
  operation: 'applications.create',
  summary: 'A13(一): the construction unit drafts an application in an open call',
  request: applicationForm.extend({ callId: entityId }),
  response: applicationSchema,
});

export const UpdateApplication = defineRpc({
  service: 'applications',
  operation: 'applications.update',
  summary: 'The construction unit revises its draft (or an application returned to it)',
  request: applicationForm.extend({ id: entityId, version: expectedVersion }),
  response: applicationSchema,
});

export const GetApplication = defineRpc({
  service: 'applications',
  operation: 'applications.get',
  summary: 'One application with its findings, waivers, history and the caller’s allowed actions',
  request: z.object({ id: entityId }),
  response: applicationSchema,
});

export const applicationFilters = z.object({
  status: applicationStatusSchema.optional(),
  callId: entityId.optional(),
  regionCode: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional()
    .describe('a division code or its prefix (21 = Liaoning, 2101 = Shenyang)'),
  field: z.string().trim().max(50).optional().describe('part of the field name, Chinese or English'),
  year: queryYear.optional(),
});

export const ListApplications = defineRpc({
  service: 'applications',
  operation: 'applications.list',
  summary: 'Applications in the caller’s scope: a unit its own, a recommender its jurisdiction, DST all',
  request: applicationFilters.extend(pageRequest),
  response: pageOf(applicationSummarySchema),
});

/** The steps that need nothing but the version and, for returns and rejections, comments. */
export const SIMPLE_ACTIONS = [
  'submit',
  'pass_supporting_review',
  'recommend',
  'pass_formal_review',
  'shortlist',
  'return',
  'reject',
  'withdraw',
  'file',
] as const;

export const TransitionApplication = defineRpc({
  service: 'applications',
  operation: 'applications.transition',
  summary: 'A13: move an application one step (submit, review passes, return, reject, shortlist, file)',
  request: z.object({
    id: entityId,
    action: z.enum(SIMPLE_ACTIONS),
    version: expectedVersion,
    comment: z.string().trim().max(5000).optional(),
    documentRef: z.string().trim().max(200).optional().describe('for file: the reference of the filing document'),
    reviseBy: isoDate
      .optional()
      .describe('for return: A11 the date by which the revision is to be resubmitted (the call window does not apply)'),
  }),
  response: applicationSchema,
});

export const RecordWaiver = defineRpc({
  service: 'applications',
  operation: 'applications.waive',
  summary: 'DST records a waiver of a principle rule, with its reason (DOMAIN.md §2)',
  request: z.object({
    id: entityId,
    rule: ruleIdSchema,
    reason: z.string().trim().min(4).max(2000),
    version: expectedVersion,
  }),
  response: applicationSchema,
});

export const ApproveApplication = defineRpc({
  service: 'applications',
  operation: 'applications.approve',
  summary:
    'A13(四): after the public notice, DST approves formally or for preparation (A12); the center is established',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    track: z.enum(['formal', 'preparation']),
    approvedOn: isoDate.optional(),
  }),
  response: applicationSchema,
});

export const ConfirmCoBuilders = defineRpc({
  service: 'applications',
  operation: 'applications.confirm_co_builders',
  summary: 'A10: the supporting unit confirms the proposed co-building units, in draft or during its own review, once',
  request: z.object({ id: entityId, version: expectedVersion }),
  response: applicationSchema,
});

export const ExportApplications = defineRpc({
  service: 'applications',
  operation: 'applications.export',
  summary: 'DST exports a filtered list as an Excel workbook',
  request: applicationFilters,
  response: z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number().int() }),
});
