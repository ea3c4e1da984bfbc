import { Injectable } from '@nestjs/common';

import { type RpcResponse, UploadReportStatistics } from '@tic/contracts';
import { STATISTICS_SHEETS } from '@tic/domain';
import { currentCallContext, RpcClient } from '@tic/platform';

import type { Locale } from '../http/locale';
import { XLSX } from '../http/media-types';
import { ProblemException } from '../http/problem.exception';
import { unstorableTextProblem } from '../http/unstorable-text';
import type { UploadInput, UploadSpec } from '../routing/route-spec';
import type { Cell } from '../uploads/table';
import { UnreadableFile } from '../uploads/unreadable-file';
import { findUnstorableCell } from '../uploads/unstorable-cell';
import { readWorksheets } from '../uploads/xlsx-table';
import type { RpcInput } from './rpc-input';

// The template's sheets and a few a spreadsheet program may add; more are not read.
const MOST_SHEETS = 10;
// One line per achievement or target: the RPC takes at most 200 of each.
const MOST_LINES = 200;

const uploadFields = UploadReportStatistics.request.pick({ id: true, version: true });
export type StatisticsUpload = UploadInput<typeof uploadFields>;

/** PUT /annual-reports/:id/statistics with an XLSX body. */
export const STATISTICS_UPLOAD: UploadSpec = {
  request: uploadFields,
  description: [
    'The statistics template of GET /annual-reports/{id}/statistics.xlsx, filled in: an XLSX workbook with the sheets',
    `${STATISTICS_SHEETS.map((s) => s.name).join(', ')}, each with its header row of the template's Chinese (or English) labels;`,
    `one line on the first sheet, up to ${MOST_LINES} on the others. Every bad cell is listed in one 400 as sheet!cell, and nothing is written.`,
  ].join(' '),
};

/**
 * The workbook is read here with the hardened reader of roster uploads (zip-bomb, line, column and cell
 * limits), so that only cells cross NATS; the evaluations service, which owns the template, maps them to
 * the table and names every bad cell.
 */
@Injectable()
export class ReportStatisticsUpload {
  constructor(private readonly rpc: RpcClient) {}

  async upload(
    input: RpcInput<typeof UploadReportStatistics> | StatisticsUpload,
  ): Promise<RpcResponse<typeof UploadReportStatistics>> {
    if (!('file' in input)) return this.rpc.request(UploadReportStatistics, input);
    const { file, ...fields } = input;
    if (file.mediaType !== XLSX) {
      throw ProblemException.invalid([{ path: 'file', message: fileIsXlsx[locale()] }], fileIsXlsx);
    }
    return this.rpc.request(UploadReportStatistics, { ...fields, sheets: await sheetsOf(file.content) });
  }
}

const fileIsXlsx = {
  zh: '统计表须以 xlsx 工作簿上传（请使用下载的模板）',
  en: 'The statistics are uploaded as an xlsx workbook (the downloaded template)',
};

async function sheetsOf(content: Buffer) {
  try {
    const worksheets = await readWorksheets(content, MOST_SHEETS);
    return worksheets.map(({ name, table }) => {
      if (table === undefined) return { name, header: [], rows: [] };
      const unstorable = findUnstorableCell(table);
      if (unstorable) throw unstorableTextProblem(unstorable, locale());
      if (table.rows.length > MOST_LINES) {
        throw new UnreadableFile({
          zh: `工作表“${name}”超过 ${MOST_LINES} 行`,
          en: `The sheet “${name}” has more than ${MOST_LINES} lines`,
        });
      }
      return {
        name,
        header: [...table.header],
        rows: table.rows.map(({ row, cells }) => ({ row, cells: cells.map(jsonCell) })),
      };
    });
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    throw ProblemException.invalid([{ path: 'file', message: error.reason[locale()] }], error.reason);
  }
}

function jsonCell(cell: Cell): string | number | boolean | null {
  if (cell === undefined) return null;
  return cell instanceof Date ? cell.toISOString().slice(0, 10) : cell;
}

function locale(): Locale {
  return currentCallContext()?.locale ?? 'zh';
}
