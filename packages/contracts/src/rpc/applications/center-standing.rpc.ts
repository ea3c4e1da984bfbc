import { z } from 'zod';

import { centerField, entityId, isoDate } from '../../schemas';
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

export const RegisterExistingCenter = defineRpc({
  service: 'applications',
  operation: 'centers.register_existing',
  summary:
    'A40: DST registers a center approved before the platform (under 辽科发〔2019〕27号), with its approval document and date; it is then managed like any other',
  request: z.object({
    field: centerField.describe('its field or direction; the A37 name is built from it'),
    track: z.enum(['formal', 'preparation']),
    supportingUnitId: entityId,
    constructionUnitId: entityId,
    coBuilderIds: z.array(entityId).max(20).default([]),
    approvedOn: isoDate.describe('the day of its approval; not in the future'),
    approvalDocument: z.string().trim().min(2).max(100).describe('the approval document (批准文件文号)'),
  }),
  response: centerSchema,
});
