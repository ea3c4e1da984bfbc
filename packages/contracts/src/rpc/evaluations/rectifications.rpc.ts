import { z } from 'zod';

import { RECTIFICATION_ACTIONS, RECTIFICATION_STATUSES } from '@tic/domain';

import { actorRoleSchema, entityId, instant, isoDate } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion, pageOf, pageRequest } from '../paging';

export const rectificationStatusSchema = z.enum(RECTIFICATION_STATUSES);

const evidenceItem = z.object({
  ref: z.string().trim().min(1).max(200).describe('the document in the document store'),
  description: z.string().trim().min(1).max(1000),
});

const acceptanceExpert = z.object({
  expertId: entityId,
  name: z.string(),
  orgId: entityId,
  score: z.number().nullable(),
  opinion: z.string().nullable(),
  scoredAt: instant.nullable(),
});

export const rectificationSchema = z.object({
  id: entityId,
  version: z.number().int(),
  centerId: entityId,
  centerName: z.string(),
  evaluationId: entityId,
  status: rectificationStatusSchema,
  startedOn: isoDate,
  deadline: z
    .object({
      dueOn: isoDate,
      provisional: z.boolean().describe('computed on weekdays alone until the year’s holiday schedule is loaded'),
      state: z.enum(['pending', 'fired', 'completed', 'cancelled']),
    })
    .describe('A30, D-rectification: one year from the grade; fired once it passed without an acceptance request'),
  rectified: z.string().describe('what the center rectified, as the construction unit reports it'),
  evidence: z.array(evidenceItem),
  draw: z
    .object({
      seed: z.string().nullable().describe('DST only'),
      drawnOn: isoDate,
      expertCount: z.number().int().describe('how many experts were drawn'),
      experts: z
        .array(acceptanceExpert)
        .optional()
        .describe('DST: every drawn expert; an expert: their own entry only; absent for everyone else'),
    })
    .nullable()
    .describe('the experts drawn for the acceptance (回避 as in the application review)'),
  decision: z
    .object({
      passed: z.boolean(),
      reason: z.string(),
      decidedOn: isoDate,
      expertScores: z.array(z.number()).optional().describe('DST only'),
    })
    .nullable(),
  allowedActions: z.array(z.string()),
  history: z.array(
    z.object({
      at: instant,
      actorName: z.string(),
      role: actorRoleSchema,
      action: z.string(),
      from: rectificationStatusSchema.nullable(),
      to: rectificationStatusSchema.nullable(),
      comment: z.string().nullable(),
      article: z.string().nullable(),
    }),
  ),
});
export type RectificationDto = z.output<typeof rectificationSchema>;

export const GetRectification = defineRpc({
  service: 'evaluations',
  operation: 'rectifications.get',
  summary: 'A30: one rectification with its deadline, request, experts, decision and history',
  request: z.object({ id: entityId }),
  response: rectificationSchema,
});

export const ListRectifications = defineRpc({
  service: 'evaluations',
  operation: 'rectifications.list',
  summary: 'A30: the rectifications the caller sees, newest first',
  request: z.object({ centerId: entityId.optional(), status: rectificationStatusSchema.optional(), ...pageRequest }),
  response: pageOf(rectificationSchema.omit({ history: true, allowedActions: true, draw: true })),
});

export const WriteRectificationRequest = defineRpc({
  service: 'evaluations',
  operation: 'rectifications.write',
  summary: 'A30: the construction unit writes the acceptance request: what was rectified and the evidence',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    rectified: z.string().trim().min(1).max(20000),
    evidence: z.array(evidenceItem).min(1).max(50),
  }),
  response: rectificationSchema,
});

export const TransitionRectification = defineRpc({
  service: 'evaluations',
  operation: 'rectifications.transition',
  summary:
    'A30: request acceptance (construction unit), pass or return with comments (supporting unit, then recommender)',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    action: z.enum(RECTIFICATION_ACTIONS).extract(['request_acceptance', 'pass', 'return']),
    comment: z.string().trim().max(5000).optional(),
  }),
  response: rectificationSchema,
});

export const DrawAcceptanceExperts = defineRpc({
  service: 'evaluations',
  operation: 'rectifications.draw_experts',
  summary: 'A30: DST draws the acceptance experts (through the applications service’s pool, with 回避)',
  request: z.strictObject({
    id: entityId,
    version: expectedVersion,
    count: z.number().int().min(3).max(15).default(5),
  }),
  response: rectificationSchema,
});

export const ScoreRectification = defineRpc({
  service: 'evaluations',
  operation: 'rectifications.score',
  summary: 'A30: a drawn expert scores the acceptance (0–100) with an opinion',
  request: z.object({
    id: entityId,
    score: z.number().min(0).max(100),
    opinion: z.string().trim().min(2).max(5000),
  }),
  response: rectificationSchema,
});

export const DecideRectification = defineRpc({
  service: 'evaluations',
  operation: 'rectifications.decide',
  summary: 'A30: DST decides the acceptance passed or failed, with its reasons, on the experts’ scores',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    passed: z.boolean(),
    reason: z.string().trim().min(1).max(5000),
  }),
  response: rectificationSchema,
});
