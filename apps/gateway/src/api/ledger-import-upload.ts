import { Injectable } from '@nestjs/common';

import { GetAllocation, ImportExpenditures, type RpcResponse } from '@tic/contracts';
import { currentCallContext, RpcClient } from '@tic/platform';

import type { Locale } from '../http/locale';
import { ProblemException } from '../http/problem.exception';
import { unstorableTextProblem } from '../http/unstorable-text';
import { jsonSchemaOf } from '../routing/json-schema';
import type { UploadInput, UploadSpec } from '../routing/route-spec';
import { readTable } from '../uploads/read-table';
import { UnreadableFile } from '../uploads/unreadable-file';
import { findUnstorableCell } from '../uploads/unstorable-cell';
import { LEDGER_COLUMNS } from './ledger-columns';
import { ledgerSheet, type LedgerSheet } from './ledger-sheet';
import type { RpcInput } from './rpc-input';

// The import is all or nothing, so a file goes to the service as one request, as many lines as it takes.
const MOST_LINES = jsonSchemaOf(ImportExpenditures.request.shape.rows, 'input').maxItems ?? 20_000;

const uploadFields = ImportExpenditures.request.pick({ allocationId: true });
export type LedgerUpload = UploadInput<typeof uploadFields>;

/** POST /allocations/:id/ledger/import with a CSV or XLSX body. */
export const LEDGER_IMPORT_UPLOAD: UploadSpec = {
  request: uploadFields,
  description: [
    'A year’s expenditures: CSV (UTF-8, optional BOM) or XLSX (its first worksheet), with a header row naming the columns in Chinese or English.',
    `Columns: ${LEDGER_COLUMNS.map((c) => `${c.headers.join(' / ')}${c.required ? ' (required)' : ''}${c.values ? `: ${c.values}` : ''}`).join('; ')}.`,
    `Up to ${MOST_LINES} lines. All or nothing: every bad line is listed in \`problems\` by the row number the spreadsheet shows, and then nothing is recorded.`,
  ].join(' '),
};

/**
 * A36: a ledger sent as JSON goes to the service as it is. Sent as a file, it is read here with the
 * hardened reader of roster uploads, so that only cells cross NATS. When the gateway cannot read some
 * lines, the others go to the service as a dry run (it would record them otherwise), so that the user
 * learns every bad line of the file at once, the gateway's and the service's, by row.
 */
@Injectable()
export class LedgerImports {
  constructor(private readonly rpc: RpcClient) {}

  async import(
    input: RpcInput<typeof ImportExpenditures> | LedgerUpload,
  ): Promise<RpcResponse<typeof ImportExpenditures>> {
    if (!('file' in input)) return this.rpc.request(ImportExpenditures, input);
    const { file, allocationId } = input;
    const sheet = await readLedger(file);
    if (sheet.rows.length + sheet.problems.length === 0) {
      throw ProblemException.invalid([{ path: 'file', message: noLines[locale()] }], noLines);
    }
    if (sheet.problems.length === 0) return this.rpc.request(ImportExpenditures, { allocationId, rows: sheet.rows });
    if (sheet.rows.length === 0) {
      // Asked as a read, so that a caller who may not see the allocation learns nothing of the file either.
      const { balances } = await this.rpc.request(GetAllocation, { allocationId });
      return { imported: 0, problems: sheet.problems, balances };
    }
    const checked = await this.rpc.request(ImportExpenditures, { allocationId, rows: sheet.rows, dryRun: true });
    return { imported: 0, problems: byRow([...sheet.problems, ...checked.problems]), balances: checked.balances };
  }
}

type Problems = RpcResponse<typeof ImportExpenditures>['problems'];

/** The problems in the order the user reads the sheet: by row, then by field. */
function byRow(problems: Problems): Problems {
  return [...problems].sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
}

const noLines = { zh: '文件没有支出行', en: 'The file has no expenditure lines' };

async function readLedger(file: LedgerUpload['file']): Promise<LedgerSheet> {
  try {
    const table = await readTable(file);
    const unstorable = findUnstorableCell(table);
    if (unstorable) throw unstorableTextProblem(unstorable, locale());
    if (table.rows.length > MOST_LINES) {
      throw new UnreadableFile({
        zh: `文件超过 ${MOST_LINES} 行支出；请分成几个文件上传`,
        en: `The file has more than ${MOST_LINES} expenditure lines; upload it in several files`,
      });
    }
    return ledgerSheet(table, locale());
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    throw ProblemException.invalid([{ path: 'file', message: error.reason[locale()] }], error.reason);
  }
}

function locale(): Locale {
  return currentCallContext()?.locale ?? 'zh';
}
