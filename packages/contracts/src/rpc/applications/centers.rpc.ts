import { z } from 'zod';

import { centerField, centerStatusSchema, entityId, instant, isoDate, localizedText } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { pageOf, pageRequest } from '../paging';

/** A center in the provincial registry. */
export const centerSchema = z.object({
  id: entityId,
  version: z.number().int(),
  name: localizedText,
  field: centerField,
  status: centerStatusSchema,
  track: z.enum(['formal', 'preparation']),
  applicationId: entityId
    .nullable()
    .describe('the application it was approved on; null for a center approved before the platform (A40)'),
  approvalDocument: z
    .string()
    .nullable()
    .describe('the approval document (批准文件文号) of a center registered by DST, approved before the platform'),
  supportingUnitId: entityId,
  coBuilderIds: z.array(entityId),
  constructionUnitId: entityId,
  recommenderId: entityId,
  regionCode: z.string(),
  establishedOn: isoDate,
  preparationEndsOn: isoDate.nullable(),
  preparationEndsOnProvisional: z.boolean().nullable(),
  filedOn: isoDate.nullable(),
  previousNames: z
    .array(
      z.object({ name: localizedText, until: isoDate.describe('the day the renaming was filed'), changeId: entityId }),
    )
    .describe('A26: the names the center bore before each filed renaming, oldest first'),
  createdAt: instant,
});
export type CenterDto = z.output<typeof centerSchema>;

export const GetCenter = defineRpc({
  service: 'applications',
  operation: 'centers.get',
  summary: 'One center of the registry',
  request: z.object({ id: entityId }),
  response: centerSchema,
});

export const ListCenters = defineRpc({
  service: 'applications',
  operation: 'centers.list',
  summary: 'Centers in the caller’s scope, filterable by status, region and field',
  request: z.object({
    ...pageRequest,
    status: centerStatusSchema.optional(),
    regionCode: z
      .string()
      .regex(/^\d{2,6}$/)
      .optional(),
    field: z.string().trim().max(50).optional(),
  }),
  response: pageOf(centerSchema),
});
