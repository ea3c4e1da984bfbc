import { z } from 'zod';

import { entityId, isoDate } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion } from '../paging';
import { centerSchema } from './centers.rpc';

export const GraduateCenter = defineRpc({
  service: 'applications',
  operation: 'centers.graduate',
  summary:
    'A33: DST records that the center became a national or ministerial platform; it no longer keeps the provincial plaque',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    nationalPlatform: z.string().trim().min(2).max(200).describe('the national or ministerial platform it became'),
    graduatedOn: isoDate.describe('when it became that platform; not in the future'),
  }),
  response: centerSchema,
});

export const EndPreparation = defineRpc({
  service: 'applications',
  operation: 'centers.end_preparation',
  summary:
    'A12 last paragraph: DST decides that a center in preparation enters formal management (operating) or is terminated',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    outcome: z.enum(['operating', 'terminated']),
    decidedOn: isoDate.describe('the day of the decision; not in the future'),
    reason: z.string().trim().min(2).max(5000),
  }),
  response: centerSchema,
});
