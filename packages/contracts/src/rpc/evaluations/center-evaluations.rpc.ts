import { z } from 'zod';

import { GRADES } from '@tic/domain';

import { entityId, isoDate } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { pageOf, pageRequest } from '../paging';

/** One published evaluation of a center (A30): the round, the grade announced and the score behind it. */
export const centerEvaluationSchema = z.object({
  id: entityId.describe('the evaluation (the center’s entry in the round)'),
  roundId: entityId,
  roundName: z.string(),
  year: z.number().int(),
  publishedOn: isoDate,
  total: z.number().nullable(),
  grade: z.enum(GRADES),
  preparationOutcome: z.enum(['operating', 'terminated']).nullable(),
});
export type CenterEvaluationDto = z.output<typeof centerEvaluationSchema>;

export const ListCenterEvaluations = defineRpc({
  service: 'evaluations',
  operation: 'rounds.center_history',
  summary:
    'A28, A30: a center’s published evaluations, newest first; readable by its own units, its recommender and DST',
  request: z.object({ centerId: entityId, ...pageRequest }),
  response: pageOf(centerEvaluationSchema),
});
