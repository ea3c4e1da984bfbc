import { z } from 'zod';

import { REPORT_ACTIONS, REPORT_STATUSES } from '@tic/domain';

import { actorRoleSchema, entityId, findingSchema, instant, isoDate, localizedText, queryYear } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { reportFundsSchema } from '../funding/execution.rpc';
import { expectedVersion, pageOf, pageRequest } from '../paging';

export const reportStatusSchema = z.enum(REPORT_STATUSES);

const count = z.number().describe('a whole number, not negative');
const fen = z.number().describe('an amount in fen (分), a whole number');

/**
 * A27, DOMAIN.md §7: the statistics table. Types are checked here; the rules (whole numbers, not negative,
 * invention patents within patents) by the domain, which names every bad field. The provincial funds and
 * their performance targets are not typed by the units: they are the report's `funds`, from the funding
 * service (A35).
 */
export const reportStatisticsSchema = z.object({
  rdSpendingFen: fen,
  fixedStaff: count,
  floatingStaff: count,
  patentsGranted: count,
  inventionPatentsGranted: count.describe('counted within patentsGranted'),
  standardsDrafted: count,
  transferContracts: count,
  transferIncomeFen: fen,
  incubatedFirms: count,
  instrumentsShared: count.describe('A22: instruments open to outside users'),
  sharingHours: z.number().describe('A22: hours they served outside users'),
  managementCommitteeMeetings: count.optional().describe('A16: filled from the personnel registry when omitted'),
  advisoryCommitteeMeetings: count.optional().describe('A17: filled from the personnel registry when omitted'),
  majorAchievements: z.array(z.object({ title: z.string().max(500), description: z.string().max(5000) })).max(200),
});
export type ReportStatisticsDto = z.output<typeof reportStatisticsSchema>;

/**
 * The table as a unit sends it: a key it does not hold is refused by name rather than dropped, so that
 * e.g. typed `performanceTargets` (now the funding service's, A35) are never taken as saved.
 */
const statisticsInput = reportStatisticsSchema.strict();

const narrative = z.string().trim().max(50_000).describe('the narrative of the year (运行报告正文)');

/**
 * A27, A18: the report's personnel list as the evaluations service keeps it after the registry checked it:
 * numbers masked (DOMAIN.md §6 keeps full numbers in the personnel service alone) and the conflicts found.
 */
export const reportPersonnelSchema = z.object({
  checkedOn: isoDate,
  people: z.array(z.object({ name: z.string(), idNumberMasked: z.string(), kind: z.enum(['fixed', 'floating']) })),
  conflicts: z
    .array(z.object({ row: z.number().int(), name: z.string(), platformName: z.string(), since: isoDate }))
    .describe('A18 一人一平台: a fixed member already fixed staff of another provincial platform'),
});
export type ReportPersonnelDto = z.output<typeof reportPersonnelSchema>;

const historyEntry = z.object({
  at: instant,
  actorName: z.string(),
  role: actorRoleSchema,
  action: z.string(),
  from: reportStatusSchema.nullable(),
  to: reportStatusSchema.nullable(),
  comment: z.string().nullable(),
  article: z.string(),
});

export const annualReportSchema = z.object({
  id: entityId,
  version: z.number().int(),
  centerId: entityId,
  centerName: localizedText,
  reportYear: z.number().int(),
  status: reportStatusSchema,
  narrative: z.string(),
  statistics: reportStatisticsSchema.nullable(),
  funds: reportFundsSchema
    .nullable()
    .describe(
      'A27, A35: the funds section (sources, provincial allocations, execution and performance targets) as the funding service keeps it, never retyped. A draft shows it live; submitting stores it with the report as it was then. null when the funding service did not answer a draft’s view, in lists of drafts, for reports submitted before the section existed, and for a caller the funding policy does not let read the center’s allocations (a co-building unit): such a caller sees the report without its funds or the findings drawn from them',
    ),
  /** Advisory findings for the reviewers (A35 shortfalls of the funds section without a reason). */
  findings: z.array(findingSchema),
  personnel: reportPersonnelSchema.nullable().describe('null until the construction unit has the list checked'),
  due: z
    .object({
      dueOn: isoDate,
      provisional: z.boolean().describe('computed on weekdays alone until the year’s holiday schedule is loaded'),
      state: z.enum(['pending', 'fired', 'completed', 'cancelled']),
    })
    .nullable()
    .describe('A27, D-annual-report: 31 March of the next year, rolled to the next working day'),
  submittedOn: isoDate.nullable(),
  filedOn: isoDate.nullable(),
  returned: z
    .object({ comment: z.string(), reviseBy: isoDate.nullable() })
    .nullable()
    .describe('the last return’s comments and the date the reviewer asked a revision by'),
  allowedActions: z.array(z.enum(REPORT_ACTIONS)),
  history: z.array(historyEntry),
  createdAt: instant,
  updatedAt: instant,
});
export type AnnualReportDto = z.output<typeof annualReportSchema>;

export const CreateAnnualReport = defineRpc({
  service: 'evaluations',
  operation: 'reports.create',
  summary: 'A27: the construction unit drafts its center’s annual report on a year (one per center and year)',
  request: z.object({
    centerId: entityId,
    reportYear: z.number().int().min(2000).max(2100).describe('the year the report covers (the previous year)'),
    narrative: narrative.default(''),
    statistics: statisticsInput.optional(),
  }),
  response: annualReportSchema,
});

export const UpdateAnnualReport = defineRpc({
  service: 'evaluations',
  operation: 'reports.update',
  summary: 'A27: the construction unit revises its draft annual report (or one returned to it)',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    narrative: narrative.optional(),
    statistics: statisticsInput.optional(),
  }),
  response: annualReportSchema,
});

export const GetAnnualReport = defineRpc({
  service: 'evaluations',
  operation: 'reports.get',
  summary: 'One annual report with its due date, findings, history and the caller’s allowed actions',
  request: z.object({ id: entityId }),
  response: annualReportSchema,
});

export const ListAnnualReports = defineRpc({
  service: 'evaluations',
  operation: 'reports.list',
  summary: 'The annual reports in the caller’s scope, newest first, filterable by center, year and status',
  request: z.object({
    centerId: entityId.optional(),
    reportYear: queryYear.optional(),
    status: reportStatusSchema.optional(),
    ...pageRequest,
  }),
  response: pageOf(annualReportSchema.omit({ history: true, allowedActions: true })),
});

export const TransitionAnnualReport = defineRpc({
  service: 'evaluations',
  operation: 'reports.transition',
  summary:
    'A27: move an annual report one step: submit (construction unit), pass (supporting unit), file (recommender, with DST), return (a reviewer, with comments)',
  request: z.object({
    id: entityId,
    action: z.enum(REPORT_ACTIONS),
    version: expectedVersion,
    comment: z.string().trim().max(5000).optional(),
    reviseBy: isoDate.optional().describe('for return: the date the reviewer asks the revision by (D-revision)'),
  }),
  response: annualReportSchema,
});
