import { z } from 'zod';

import { entityId } from '../../schemas';
import { defineRpc } from '../define-rpc';

/**
 * A30: the experts of a rectification's acceptance come from the same pool, with the same 回避, as the
 * application review's (A13(三)); the evaluations service asks for them and keeps the draw.
 */
export const DrawExpertsForAcceptance = defineRpc({
  service: 'applications',
  operation: 'experts.draw_for_acceptance',
  internal: true,
  summary:
    'A30: draws experts for a center’s rectification acceptance (回避: none from the center’s units, above or below them)',
  request: z.strictObject({
    centerId: entityId,
    rectificationId: entityId,
    count: z.number().int().min(3).max(15),
  }),
  response: z.object({
    seed: z.string().describe('the secure random seed drawn here; with `pool` it reproduces the draw'),
    pool: z.array(entityId).describe('the eligible experts in the order the draw shuffled'),
    experts: z.array(z.object({ expertId: entityId, userId: z.string(), name: z.string(), orgId: entityId })),
  }),
});
