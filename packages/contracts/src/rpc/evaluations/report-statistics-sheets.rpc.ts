import { z } from 'zod';

import { entityId } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion } from '../paging';
import { annualReportSchema } from './reports.rpc';

export const ExportReportStatisticsTemplate = defineRpc({
  service: 'evaluations',
  operation: 'reports.statistics_template',
  summary:
    'A27: the statistics template of an annual report as an Excel workbook (sheets 年度统计, 重大成果; and, to read only, 省级资金绩效（只读） with the funds section the report shows), filled with what the report holds',
  request: z.object({ id: entityId }),
  response: z.object({ fileName: z.string(), contentBase64: z.string() }),
});

const sheetCell = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

/** A worksheet as the gateway read it from an upload: cells only, rows numbered as the spreadsheet shows them. */
export const statisticsSheetSchema = z.object({
  name: z.string().max(100),
  header: z.array(z.string().max(1000)).max(64),
  rows: z.array(z.object({ row: z.number().int().min(1), cells: z.array(sheetCell).max(64) })).max(201),
});

export const UploadReportStatistics = defineRpc({
  service: 'evaluations',
  operation: 'reports.statistics_upload',
  summary:
    'A27: the construction unit replaces a draft report’s statistics with a filled-in template; every bad cell is named (sheet!cell) in one 400 and nothing is written',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    sheets: z.array(statisticsSheetSchema).min(1).max(10),
  }),
  response: annualReportSchema,
});
