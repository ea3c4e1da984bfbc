import { z } from 'zod';

import { GRADES } from '@tic/domain';

import { defineEvent } from '../define-event';
import { entityId, isoDate } from '../schemas';

export const ReportSubmitted = defineEvent({
  type: 'tic.report.submitted',
  producer: 'evaluations',
  summary: 'A27: the annual report on the previous year was submitted',
  data: z.object({
    reportId: entityId,
    centerId: entityId,
    reportYear: z.number().int().min(2000),
    submittedOn: isoDate,
    dueOn: isoDate,
  }),
});

export const ReportOverdue = defineEvent({
  type: 'tic.report.overdue',
  producer: 'evaluations',
  summary: 'A27, A31(三): the annual report was not submitted by its due date',
  data: z.object({
    centerId: entityId,
    reportYear: z.number().int().min(2000),
    dueOn: isoDate,
  }),
});

export const EvaluationGraded = defineEvent({
  type: 'tic.evaluation.graded',
  producer: 'evaluations',
  summary: 'A28–A30: a biennial evaluation graded a center (excellent, good, basic pass, fail)',
  data: z.object({
    evaluationId: entityId,
    roundId: entityId,
    centerId: entityId,
    score: z.number().min(0).max(100),
    grade: z.enum(GRADES),
    gradedOn: isoDate,
  }),
});

export const RectificationStarted = defineEvent({
  type: 'tic.rectification.started',
  producer: 'evaluations',
  summary: 'A30: a center graded basic pass has one year to rectify',
  data: z.object({
    rectificationId: entityId,
    centerId: entityId,
    evaluationId: entityId,
    startedOn: isoDate,
    dueOn: isoDate,
    dueOnProvisional: z.boolean(),
  }),
});

export const RectificationAccepted = defineEvent({
  type: 'tic.rectification.accepted',
  producer: 'evaluations',
  summary:
    'A30: DST’s expert acceptance of the rectification was decided; `passed: false` opens a revocation case on ground A31(二)',
  data: z.object({
    rectificationId: entityId,
    centerId: entityId,
    acceptedOn: isoDate,
    // Additive: an event of version 1 (no `passed`) reported a passed acceptance.
    passed: z.boolean().default(true).describe('whether the acceptance passed (absent: passed)'),
  }),
});

export const EvaluationNotParticipated = defineEvent({
  type: 'tic.evaluation.not_participated',
  producer: 'evaluations',
  summary:
    'A28, A31(四): a center did not take part in the evaluation of a round; a revocation is proposed to DST, who confirms it or accepts a good reason',
  data: z.object({
    roundId: entityId,
    centerId: entityId,
    dueOn: isoDate.describe('the day by which the center was to take part'),
  }),
});

export const EvaluationPreparationConcluded = defineEvent({
  type: 'tic.evaluation.preparation_concluded',
  producer: 'evaluations',
  summary:
    'A12 last paragraph: the evaluation at the end of a center’s preparation (筹建) period decided that it enters formal management (`operating`) or ends (`terminated`)',
  data: z.object({
    evaluationId: entityId,
    roundId: entityId,
    centerId: entityId,
    outcome: z.enum(['operating', 'terminated']),
    score: z.number().min(0).max(100),
    grade: z.enum(GRADES),
    reason: z.string().min(1).describe('why DST decided so, kept with the center’s history'),
    decidedOn: isoDate,
  }),
});

export const EvaluationPolicySupportProposed = defineEvent({
  type: 'tic.evaluation.policy_support_proposed',
  producer: 'evaluations',
  summary:
    'A30, A33: an excellent grade proposes policy support; the funding service turns it into an allocation or DST declines it',
  data: z.object({
    evaluationId: entityId,
    roundId: entityId,
    centerId: entityId,
    grade: z.literal('excellent'),
    score: z.number().min(0).max(100),
    proposedOn: isoDate,
  }),
});
