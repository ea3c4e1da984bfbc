import { z } from 'zod';

import { A29_FOCUSES, ASSIGNMENT_STATUSES, GRADES, ROUND_STATUSES } from '@tic/domain';

import { entityId, isoDate, localizedText, queryYear } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion, pageOf, pageRequest } from '../paging';

const reason = z.string().trim().min(1).max(2000);

const indicatorSchema = z.object({
  key: z.string().trim().min(1).max(64),
  name: localizedText,
  weight: z.number().positive().max(100),
  focus: z.enum(Object.keys(A29_FOCUSES) as [keyof typeof A29_FOCUSES]).optional(),
});

/** A28, A29: the round's indicator system; the weights must sum to 100 (checked by the domain). */
export const indicatorSystemSchema = z.object({
  dimensions: z
    .array(
      z.object({ key: z.string().trim().min(1).max(64), name: localizedText, indicators: z.array(indicatorSchema) }),
    )
    .min(1)
    .max(20),
});

export const gradeThresholdsSchema = z.object({
  excellent: z.number().min(0).max(100),
  good: z.number().min(0).max(100),
  basicPass: z.number().min(0).max(100),
});

const gradeSchema = z.enum(GRADES);

export const roundCenterSchema = z.object({
  centerId: entityId,
  name: z.string(),
  basis: z.enum(['cycle', 'preparation', 'added']),
  agencyOrgId: entityId.nullable(),
  status: z.enum(ASSIGNMENT_STATUSES),
  participateBy: isoDate.nullable(),
  version: z.number().int(),
  total: z.number().nullable(),
  computedGrade: gradeSchema.nullable(),
  grade: gradeSchema.nullable(),
  overrideReason: z.string().nullable(),
  preparationOutcome: z.enum(['operating', 'terminated']).nullable(),
});
export type RoundCenterDto = z.output<typeof roundCenterSchema>;

export const roundSchema = z.object({
  id: entityId,
  version: z.number().int(),
  name: z.string(),
  year: z.number().int(),
  status: z.enum(ROUND_STATUSES),
  participateBy: isoDate,
  indicatorSystem: indicatorSystemSchema,
  thresholds: gradeThresholdsSchema,
  excellentCapShare: z.number().nullable(),
  capCount: z.number().int().nullable(),
  tieAtCap: z.array(entityId).describe('centers tied across the cap: DST orders them with tieBreak'),
  publishedOn: isoDate.nullable(),
  /** Only the centers the caller may see: DST all, an agency those entrusted to it, a unit its own. */
  centers: z.array(roundCenterSchema),
});
export type RoundDto = z.output<typeof roundSchema>;

const centerChange = z.object({ centerId: entityId, reason });

/** Centers added or removed, each once: a center named twice is refused at its second mention. */
const centerChanges = z
  .array(centerChange)
  .max(500)
  .superRefine((changes, ctx) => {
    const seen = new Set<string>();
    changes.forEach((change, i) => {
      if (seen.has(change.centerId)) {
        ctx.addIssue({ code: 'custom', path: [i, 'centerId'], message: `names center ${change.centerId} twice` });
      }
      seen.add(change.centerId);
    });
  });

export const OpenRound = defineRpc({
  service: 'evaluations',
  operation: 'rounds.open',
  summary:
    'A28: DST opens a round; the centers due by participateBy come from the directory (D-evaluation-cycle, end of preparation), DST adds or removes centers with a reason',
  request: z.object({
    name: z.string().trim().min(1).max(200),
    year: z.number().int().min(2000).max(2100),
    participateBy: isoDate.describe('the day by which the centers must take part (the round’s closing date)'),
    indicatorSystem: indicatorSystemSchema.optional().describe('defaults to the template DST edits'),
    thresholds: gradeThresholdsSchema,
    excellentCapShare: z.number().min(0).max(1).optional().describe('the cap on excellent grades, as a share'),
    add: centerChanges.default([]),
    remove: centerChanges.default([]),
  }),
  response: roundSchema,
});

export const GetRound = defineRpc({
  service: 'evaluations',
  operation: 'rounds.get',
  summary: 'A round with the centers the caller may see',
  request: z.object({ id: entityId }),
  response: roundSchema,
});

/** A round in a list: what DST picks a round by, without its indicator system and centers. */
export const roundSummarySchema = roundSchema
  .pick({ id: true, version: true, name: true, year: true, status: true, participateBy: true, publishedOn: true })
  .extend({ centerCount: z.number().int().describe('the centers of the round the caller sees') });

export const ListRounds = defineRpc({
  service: 'evaluations',
  operation: 'rounds.list',
  summary:
    'A28: the evaluation rounds, newest first, filterable by year and status; DST sees every round, an agency only those it is entrusted in',
  request: z.object({ year: queryYear.optional(), status: z.enum(ROUND_STATUSES).optional(), ...pageRequest }),
  response: pageOf(roundSummarySchema),
});

export const EntrustAgency = defineRpc({
  service: 'evaluations',
  operation: 'rounds.entrust',
  summary: 'A29: DST entrusts a third-party agency with centers of an open round; refused for a related center (回避)',
  request: z.object({
    id: entityId,
    agencyOrgId: entityId,
    centerIds: z.array(entityId).min(1).max(500),
    participateBy: isoDate.optional().describe('the agency’s deadline for these centers; the round’s by default'),
  }),
  response: roundSchema,
});

export const DeclareAgencyRelations = defineRpc({
  service: 'evaluations',
  operation: 'rounds.declare_relations',
  summary: 'A29 回避: an agency declares the organizations it is related to; it is never entrusted with their centers',
  request: z.object({ relatedOrgIds: z.array(entityId).max(200) }),
  response: z.object({ agencyOrgId: entityId, relatedOrgIds: z.array(entityId) }),
});

export const StartGrading = defineRpc({
  service: 'evaluations',
  operation: 'rounds.start_grading',
  summary: 'A30: DST closes the scoring once every assignment is submitted, declined or not participated',
  request: z.object({ id: entityId, version: expectedVersion }),
  response: roundSchema,
});

export const GradeRound = defineRpc({
  service: 'evaluations',
  operation: 'rounds.grade',
  summary:
    'A30: DST grades the round from the totals and thresholds, the cap applied by rank; ties at the cap need tieBreak, every override a reason, every preparing center an outcome',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    tieBreak: z.array(entityId).max(500).optional(),
    overrides: z.array(z.object({ centerId: entityId, grade: gradeSchema, reason: z.string().max(2000) })).default([]),
    preparationOutcomes: z
      .array(z.object({ centerId: entityId, outcome: z.enum(['operating', 'terminated']), reason }))
      .default([]),
  }),
  response: roundSchema,
});

export const PublishRound = defineRpc({
  service: 'evaluations',
  operation: 'rounds.publish',
  summary: 'A28, A30: DST announces the grades (公告); tic.evaluation.graded per center and its consequences follow',
  request: z.object({ id: entityId, version: expectedVersion }),
  response: roundSchema,
});

export const PublicRoundResult = defineRpc({
  service: 'evaluations',
  operation: 'rounds.public_result',
  summary: 'The announcement (公告) of a published round: center names and grades only, readable without a token',
  request: z.object({ id: entityId }),
  response: z.object({
    id: entityId,
    name: z.string(),
    year: z.number().int(),
    publishedOn: isoDate,
    results: z.array(z.object({ centerName: z.string(), grade: gradeSchema })),
  }),
});

export const RoundStatistics = defineRpc({
  service: 'evaluations',
  operation: 'rounds.statistics',
  summary: 'For DST: the published grades counted by city, field and year',
  request: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
  response: z.object({
    rows: z.array(
      z.object({
        year: z.number().int(),
        city: z.string(),
        field: z.string(),
        grade: gradeSchema,
        count: z.number().int(),
      }),
    ),
  }),
});
