import { z } from 'zod';

import { entityId, instant } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { pageOf, pageRequest } from '../paging';

export const expertSchema = z.object({
  id: entityId,
  userId: z.string(),
  name: z.string(),
  orgId: entityId,
  fields: z.array(z.string()),
  active: z.boolean(),
});

export const RegisterExpert = defineRpc({
  service: 'applications',
  operation: 'experts.register',
  summary: 'DST adds an expert to the pool, with the fields they review',
  request: z.object({
    userId: z.string().trim().min(1).max(100).describe('the `sub` of the expert’s token'),
    name: z.string().trim().min(1).max(50),
    orgId: entityId,
    fields: z.array(z.string().trim().min(1).max(50)).min(1).max(20),
  }),
  response: expertSchema,
});

export const ListExperts = defineRpc({
  service: 'applications',
  operation: 'experts.list',
  summary: 'The expert pool',
  request: z.object({ ...pageRequest, field: z.string().trim().max(50).optional() }),
  response: pageOf(expertSchema),
});

const assignment = z.object({
  expertId: entityId,
  name: z.string(),
  orgId: entityId,
  role: z.enum(['reviewer', 'reserve']),
  status: z.enum(['assigned', 'scored', 'recused', 'standby']),
  score: z.number().nullable(),
  opinion: z.string().nullable(),
  scoredAt: instant.nullable(),
});

export const reviewSchema = z.object({
  applicationId: entityId,
  seed: z
    .string()
    .nullable()
    .describe(
      'the secure random seed the service drew with (DST only; null for an expert): with the recorded pool it reproduces the draw',
    ),
  drawnAt: instant,
  assignments: z.array(assignment),
  /** What DST decides on: each score, the mean and the spread. */
  summary: z.object({
    scores: z.array(z.number()),
    mean: z.number().nullable(),
    spread: z.number().nullable().describe('population standard deviation'),
    min: z.number().nullable(),
    max: z.number().nullable(),
  }),
});
export type ReviewDto = z.output<typeof reviewSchema>;

export const DrawExperts = defineRpc({
  service: 'applications',
  operation: 'reviews.draw',
  summary: 'DST draws experts at random (回避: never from the supporting or a co-building unit), with reserves',
  // Strict: the seed comes from the service's secure random source, so a `seed` (or any other
  // unknown field) is refused by name rather than silently dropped.
  request: z.strictObject({
    applicationId: entityId,
    count: z.number().int().min(3).max(15).default(5),
    reserves: z.number().int().min(0).max(10).default(2),
  }),
  response: reviewSchema,
});

export const DeclareConflict = defineRpc({
  service: 'applications',
  operation: 'reviews.recuse',
  summary: 'An expert declares a conflict of interest and is replaced by the next reserve',
  request: z.object({ applicationId: entityId, reason: z.string().trim().min(2).max(1000) }),
  response: reviewSchema,
});

export const ScoreApplication = defineRpc({
  service: 'applications',
  operation: 'reviews.score',
  summary: 'An assigned expert scores 0–100 with a written opinion',
  request: z.object({
    applicationId: entityId,
    score: z.number().min(0).max(100),
    opinion: z.string().trim().min(10).max(10_000),
  }),
  response: reviewSchema,
});

export const GetReview = defineRpc({
  service: 'applications',
  operation: 'reviews.get',
  summary: 'The draw, the scores and their summary (DST; an expert sees only their own assignment)',
  request: z.object({ applicationId: entityId }),
  response: reviewSchema,
});
