import { z } from 'zod';

import { GRADES } from '@tic/domain';

import { centerField, centerStatusSchema, entityId, isoDate, localizedText } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { pageOf, pageRequest } from '../paging';

const cityCode = z
  .string()
  .regex(/^21\d{2}$/, { error: 'a Liaoning city code: four digits starting 21' })
  .describe('a Liaoning city: the first four digits of its division code (2101 沈阳市)');
const city = z.object({ code: z.string(), name: localizedText }).nullable().describe('null for a province-level unit');
const gradeSchema = z.enum(GRADES);

/** A center as the public directory shows it: nothing personal, no application data. */
export const publicCenterSchema = z.object({
  id: entityId,
  name: localizedText,
  field: centerField,
  supportingUnit: z.string().describe('the supporting unit’s (依托单位) name'),
  city,
  status: centerStatusSchema,
  establishedOn: isoDate,
  lastEvaluation: z.object({ grade: gradeSchema, gradedOn: isoDate }).nullable(),
});
export type PublicCenterDto = z.output<typeof publicCenterSchema>;

const directoryFilters = {
  status: centerStatusSchema.optional(),
  city: cityCode.optional(),
  field: z.string().trim().min(1).max(50).optional(),
};

export const ListPublicCenters = defineRpc({
  service: 'applications',
  operation: 'public.centers.list',
  summary: 'The public directory of centers, filterable by status, city, field and name',
  request: z.object({
    ...pageRequest,
    ...directoryFilters,
    q: z.string().trim().min(1).max(50).optional().describe('part of the name, in Chinese or English'),
  }),
  response: pageOf(publicCenterSchema),
});

export const ANNOUNCEMENT_KINDS = ['approval', 'revocation', 'evaluation_result'] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

const announcementBase = {
  id: entityId,
  title: z.string(),
  centerId: entityId,
  centerName: localizedText,
  announcedOn: isoDate,
  pdf: z.boolean().describe('whether GET /public/announcements/{id}/pdf renders it'),
};

/** An announcement (公告): an approval (A13), a revocation (A31) or an evaluation result (A28–A30). */
export const announcementSchema = z.discriminatedUnion('kind', [
  z.object({
    ...announcementBase,
    kind: z.literal('approval'),
    details: z.object({
      field: centerField,
      supportingUnit: z.string(),
      track: z.enum(['formal', 'preparation']),
      establishedOn: isoDate,
    }),
  }),
  z.object({
    ...announcementBase,
    kind: z.literal('revocation'),
    details: z.object({
      grounds: z.array(z.number().int().min(1).max(9)),
      article: z.string(),
      reason: z.string(),
      revokedOn: isoDate,
    }),
  }),
  z.object({
    ...announcementBase,
    kind: z.literal('evaluation_result'),
    // DOMAIN.md §7: results are published as center names and grades only.
    details: z.object({ grade: gradeSchema, gradedOn: isoDate, roundId: entityId }),
  }),
]);
export type AnnouncementDto = z.output<typeof announcementSchema>;

export const ListAnnouncements = defineRpc({
  service: 'applications',
  operation: 'public.announcements.list',
  summary: 'Announcements (公告) of approvals, revocations and evaluation results, newest first',
  request: z.object({
    ...pageRequest,
    kind: z.enum(ANNOUNCEMENT_KINDS).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
  }),
  response: pageOf(announcementSchema),
});

export const GetAnnouncement = defineRpc({
  service: 'applications',
  operation: 'public.announcements.get',
  summary: 'One announcement',
  request: z.object({ id: entityId }),
  response: announcementSchema,
});

const file = z.object({ fileName: z.string(), contentBase64: z.string() });

export const RenderAnnouncementPdf = defineRpc({
  service: 'applications',
  operation: 'public.announcements.pdf',
  summary: 'The approval notice or revocation decision as a PDF in Chinese',
  request: z.object({ id: entityId }),
  response: file,
});

export const ExportCenters = defineRpc({
  service: 'applications',
  operation: 'centers.export',
  summary: 'The center registry as an Excel workbook (DST, the committee office)',
  request: z.object(directoryFilters),
  response: file.extend({ rows: z.number().int() }),
});

const bucket = z.object({ key: z.string(), name: z.string().optional(), count: z.number().int() });

export const CenterStatistics = defineRpc({
  service: 'applications',
  operation: 'centers.statistics',
  summary: 'Centers counted by city, field, status and year of establishment (DST, the committee office)',
  request: z.object({}),
  response: z.object({
    total: z.number().int(),
    byCity: z.array(bucket),
    byField: z.array(bucket),
    byStatus: z.array(bucket),
    byYear: z.array(bucket),
  }),
});
