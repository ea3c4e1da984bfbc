import { z } from 'zod';

import { entityId, queryYear } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { performanceTargetSchema } from './allocations.rpc';
import { executionRate, fen } from './money';

export const executionRowSchema = z.object({
  key: z.string().describe('the allocation’s or center’s id, the city’s code or the year'),
  label: z.string().describe('the center’s name, the city’s name or the year'),
  allocations: z.number().int(),
  allocatedFen: fen.describe(
    'the budgets allocated. A carried-over allocation (结余结转) spends the previous year’s unspent money, already ' +
      'counted in that year: where the fiscal years are summed (no fiscalYear asked, grouped by center or city, ' +
      'and the total) its budget is not counted again, its spending is; by allocation, by year and within one ' +
      'fiscal year it counts with its budget',
  ),
  spentFen: fen,
  executionRate,
});

export const ExecutionSummary = defineRpc({
  service: 'funding',
  operation: 'execution.summary',
  summary: 'Execution rate (spent / allocated) of provincial funds by allocation, center, city or year',
  request: z.object({
    groupBy: z.enum(['allocation', 'center', 'city', 'year']),
    fiscalYear: queryYear.optional(),
    centerId: entityId.optional(),
    city: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
  }),
  response: z.object({ rows: z.array(executionRowSchema), total: executionRowSchema.omit({ key: true, label: true }) }),
});

/** A27, A35: the annual report's funds section, as the funding service keeps it (never retyped by the units). */
export const reportFundsSchema = z.object({
  centerId: entityId,
  year: z.number().int(),
  sources: z.array(z.object({ source: z.string(), amountFen: fen })),
  allocations: z.array(
    z.object({
      allocationId: entityId,
      purpose: z.string(),
      allocatedFen: fen,
      spentFen: fen,
      executionRate,
      targets: z.array(performanceTargetSchema),
    }),
  ),
});
export type ReportFundsDto = z.output<typeof reportFundsSchema>;

export const GetReportFunds = defineRpc({
  service: 'funding',
  operation: 'funds.for_report',
  summary: 'A27, A35: the funds section of a center’s annual report for a year, asked by the evaluations service',
  internal: true,
  request: z.object({ centerId: entityId, year: z.number().int().min(2000).max(2100) }),
  response: reportFundsSchema,
});
