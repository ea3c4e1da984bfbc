import { z } from 'zod';

import { PLATFORM_KINDS, PLATFORM_STATUSES, REGISTERED_PLATFORM_KINDS, STAFF_ROLES } from '@tic/domain';

import { entityId, instant, isoDate } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { pageOf, pageRequest } from '../paging';
import { personName } from './person-fields';

/** A provincial S&T innovation platform (A18): a TIC from the registry, or one DST registered. */
export const platformSchema = z.object({
  id: entityId,
  name: z.string(),
  kind: z.enum(PLATFORM_KINDS),
  status: z.enum(PLATFORM_STATUSES),
  code: z.string().nullable().describe('the number DST or the ministry gave it, if any'),
  supportingUnitId: entityId,
  constructionUnitId: entityId.nullable(),
  recommenderId: entityId.nullable(),
  coBuilderIds: z.array(entityId),
  source: z.enum(['center_registry', 'api', 'import']),
  createdAt: instant,
});
export type PlatformDto = z.output<typeof platformSchema>;

export const RegisterPlatform = defineRpc({
  service: 'personnel',
  operation: 'platforms.register',
  summary: 'DST registers a provincial platform other than a TIC (key laboratory, engineering research center…)',
  request: z.object({
    name: z.string().trim().min(2).max(100),
    kind: z.enum(REGISTERED_PLATFORM_KINDS),
    code: z.string().trim().min(1).max(50).optional(),
    supportingUnitId: entityId,
    recommenderId: entityId.optional(),
  }),
  response: platformSchema,
});

export const GetPlatform = defineRpc({
  service: 'personnel',
  operation: 'platforms.get',
  summary: 'One platform in the caller’s scope',
  request: z.object({ id: entityId }),
  response: platformSchema,
});

export const ListPlatforms = defineRpc({
  service: 'personnel',
  operation: 'platforms.list',
  summary: 'Platforms in the caller’s scope, filterable by kind, status and name',
  request: z.object({
    ...pageRequest,
    kind: z.enum(PLATFORM_KINDS).optional(),
    status: z.enum(PLATFORM_STATUSES).optional(),
    name: z.string().trim().min(1).max(100).optional(),
  }),
  response: pageOf(platformSchema),
});

/** Most rows one request may carry; the gateway cuts a larger upload into requests of this size. */
export const ROSTER_BATCH_ROWS = 2000;

/** One line of a roster as typed or uploaded; checked row by row, so one bad line spoils no other. */
export const rosterRowSchema = z.object({
  name: z.string().max(200),
  idNumber: z.string().max(40),
  kind: z.enum(['fixed', 'floating']).default('fixed'),
});

/** A roster line that could not be read; the ID number is never echoed back. */
export const rosterRowProblem = z.object({
  row: z
    .number()
    .int()
    .min(1)
    .describe(
      'the line: its place in `rows` counted from `firstRow`; for an uploaded file, the row number the spreadsheet shows (the header’s row counts)',
    ),
  path: z.string(),
  message: z.string(),
});

const importRow = rosterRowSchema.extend({
  role: z.enum(STAFF_ROLES).default('researcher'),
  startsOn: z.string().max(20),
  title: z.string().max(50).optional(),
});

export const ImportPlatformRoster = defineRpc({
  service: 'personnel',
  operation: 'platforms.import_roster',
  summary:
    'DST imports the staff roster of a platform other than a TIC, so that the one-platform rule spans it; re-importing a line updates it',
  bulk: true,
  request: z.object({
    platformId: entityId,
    employerOrgId: entityId
      .optional()
      .describe('the employer of people not yet registered; the platform’s supporting unit by default'),
    firstRow: z.number().int().min(1).default(1).describe('the line number of rows[0], for an upload sent in parts'),
    rows: z.array(importRow).min(1).max(ROSTER_BATCH_ROWS),
  }),
  response: z.object({
    imported: z.number().int(),
    updated: z.number().int(),
    problems: z.array(rosterRowProblem),
  }),
});

/** A conflict as a unit learns it: the line, and only the name of the other platform and since when. */
export const rosterConflictSchema = z.object({
  row: z.number().int().min(1),
  platformName: z.string(),
  since: isoDate,
});

/** A conflict as DST sees it: also whom the line names and the post that binds them. */
export const rosterConflictDetailSchema = rosterConflictSchema.extend({
  name: personName,
  idNumberMasked: z.string(),
  personId: entityId,
  appointmentId: entityId,
  platformId: entityId,
  role: z.enum(STAFF_ROLES),
});

export const CheckRoster = defineRpc({
  service: 'personnel',
  operation: 'roster.check',
  summary:
    'A18 查重: every line of a roster whose person is already fixed staff of another provincial platform, in one call. A unit checks the roster of its own platform and learns only the other platform’s name and since when; DST may check any roster, with or without a platform, and sees who and which post',
  bulk: true,
  request: z.object({
    platformId: entityId
      .optional()
      .describe(
        'the platform the roster belongs to (its own posts are not conflicts): required, and one of the caller’s own, except for DST (403 roster.platform_required, roster.own_platforms_only)',
      ),
    firstRow: z.number().int().min(1).default(1),
    rows: z.array(rosterRowSchema).min(1).max(ROSTER_BATCH_ROWS),
  }),
  response: z.object({
    checked: z.number().int(),
    conflicts: z.array(
      z
        .union([rosterConflictDetailSchema, rosterConflictSchema])
        .describe('DST sees every field; a unit only row, platformName and since'),
    ),
    problems: z.array(rosterRowProblem),
  }),
});
