import { z } from 'zod';

import { entityId, isoDate } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion } from '../paging';
import { roundCenterSchema } from './rounds.rpc';

const text = z.string().trim().min(1).max(5000);

/** A29: a meeting review or an on-site inspection, as the agency records it. */
const sessionSchema = z.object({
  on: isoDate,
  place: z.string().trim().min(1).max(500),
  members: z
    .array(z.object({ name: z.string().trim().min(1).max(100), role: z.string().trim().min(1).max(100) }))
    .min(1)
    .max(50),
  findings: text,
});

export const assignmentSchema = roundCenterSchema.extend({
  roundId: entityId,
  scores: z.array(z.object({ indicatorKey: z.string(), score: z.number(), evidence: z.string() })),
  meetingReview: sessionSchema.nullable(),
  onSiteInspection: sessionSchema.nullable(),
  report: z.string().nullable(),
  declineReason: z.string().nullable(),
});
export type AssignmentDto = z.output<typeof assignmentSchema>;

const assignmentRef = { roundId: entityId, centerId: entityId };

export const GetAssignment = defineRpc({
  service: 'evaluations',
  operation: 'rounds.assignments.get',
  summary: 'A29: one center of a round with its scores, as DST, its agency or its own units see it',
  request: z.object(assignmentRef),
  response: assignmentSchema,
});

export const ScoreAssignment = defineRpc({
  service: 'evaluations',
  operation: 'rounds.assignments.score',
  summary:
    'A29: the entrusted agency scores indicators with their evidence and records the meeting review, the on-site inspection and its written report',
  request: z.object({
    ...assignmentRef,
    version: expectedVersion,
    scores: z
      .array(
        z.object({ indicatorKey: z.string().trim().min(1).max(64), score: z.number().min(0).max(100), evidence: text }),
      )
      .max(200)
      .default([]),
    meetingReview: sessionSchema.optional(),
    onSiteInspection: sessionSchema.optional(),
    report: text.optional().describe('the written evaluation report (or its reference in the document store)'),
  }),
  response: assignmentSchema,
});

export const SubmitAssignment = defineRpc({
  service: 'evaluations',
  operation: 'rounds.assignments.submit',
  summary: 'A29: the agency submits its evaluation once every indicator is scored and the report written',
  request: z.object({ ...assignmentRef, version: expectedVersion }),
  response: assignmentSchema,
});

export const DeclineAssignment = defineRpc({
  service: 'evaluations',
  operation: 'rounds.assignments.decline',
  summary: 'A29, A31(四): the center’s supporting unit declines to take part, with its reason; ground (4) is proposed',
  request: z.object({ ...assignmentRef, version: expectedVersion, reason: text }),
  response: assignmentSchema,
});
