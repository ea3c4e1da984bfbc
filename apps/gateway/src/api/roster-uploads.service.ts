import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { CheckRoster, ImportPlatformRoster, ROSTER_BATCH_ROWS, type RpcResponse } from '@tic/contracts';
import { currentCallContext, requireAccess, RpcClient, RpcFailure } from '@tic/platform';

import type { Locale } from '../http/locale';
import { toProblem } from '../http/problem-mapper';
import { ProblemException } from '../http/problem.exception';
import { unstorableTextProblem } from '../http/unstorable-text';
import { sendInBatches } from '../uploads/batches';
import { readTable } from '../uploads/read-table';
import { UnreadableFile } from '../uploads/unreadable-file';
import { findUnstorableCell } from '../uploads/unstorable-cell';
import type { UploadedFile } from '../uploads/uploaded-file';
import { ROSTER_CHECK_COLUMNS, ROSTER_IMPORT_COLUMNS, type RosterColumn } from './roster-columns';
import { rosterSheet, withoutRepeats, type RosterSheet, type RowProblem } from './roster-sheet';
import { CHECK_ROW, IMPORT_ROW, type RosterCheckUpload, type RosterImportUpload } from './roster-uploads';
import type { RpcInput } from './rpc-input';

/**
 * Rosters sent as JSON go to the service as they are. Sent as a CSV or XLSX file, a roster is read
 * here, sent in batches of ROSTER_BATCH_ROWS consecutive lines (each with its `firstRow`, so that the
 * service numbers rows by the file's lines), and the replies are merged into one.
 */
@Injectable()
export class RosterUploads {
  constructor(private readonly rpc: RpcClient) {}

  /** A18 查重 of a roster. */
  async check(input: RpcInput<typeof CheckRoster> | RosterCheckUpload): Promise<RpcResponse<typeof CheckRoster>> {
    if (!('file' in input)) return this.rpc.request(CheckRoster, input);
    const { file, ...fields } = input;
    // The service refuses a unit's roster without its platform (issue 9); the policy says so before the
    // file is read, and a file with no lines, which reaches no service, is refused the same.
    const caller = currentCallContext()?.caller;
    if (fields.platformId === undefined && caller) requireAccess(caller, 'roster.check_anywhere', { kind: 'roster' });
    const sheet = withoutRepeats(await readRoster(file, ROSTER_CHECK_COLUMNS, CHECK_ROW), locale());
    const empty: RpcResponse<typeof CheckRoster> = { checked: 0, conflicts: [], problems: [] };
    const reply = await sendInBatches(sheet.rows, ROSTER_BATCH_ROWS, empty, (batch) =>
      this.rpc.request(CheckRoster, { ...fields, ...batch }).catch(failedFrom(batch.firstRow, sheet.rows[0]?.row)),
    );
    return { ...reply, problems: inLineOrder(reply.problems, sheet.problems) };
  }

  /** A platform's roster imported; a part the service refuses stops the upload, the parts before it stay imported. */
  async import(
    input: RpcInput<typeof ImportPlatformRoster> | RosterImportUpload,
  ): Promise<RpcResponse<typeof ImportPlatformRoster>> {
    if (!('file' in input)) return this.rpc.request(ImportPlatformRoster, input);
    const { file, ...fields } = input;
    const sheet = await readRoster(file, ROSTER_IMPORT_COLUMNS, IMPORT_ROW);
    const empty: RpcResponse<typeof ImportPlatformRoster> = { imported: 0, updated: 0, problems: [] };
    const reply = await sendInBatches(sheet.rows, ROSTER_BATCH_ROWS, empty, (batch) =>
      this.rpc
        .request(ImportPlatformRoster, { ...fields, ...batch })
        .catch(failedFrom(batch.firstRow, sheet.rows[0]?.row)),
    );
    return { ...reply, problems: inLineOrder(reply.problems, sheet.problems) };
  }
}

async function readRoster<S extends z.ZodObject>(
  file: UploadedFile,
  columns: readonly RosterColumn[],
  rowSchema: S,
): Promise<RosterSheet<z.output<S>>> {
  try {
    const table = await readTable(file);
    const unstorable = findUnstorableCell(table);
    if (unstorable) throw unstorableTextProblem(unstorable, locale());
    return rosterSheet(table, columns, rowSchema, locale());
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    throw ProblemException.invalid([{ path: 'file', message: error.reason[locale()] }], error.reason);
  }
}

function locale(): Locale {
  return currentCallContext()?.locale ?? 'zh';
}

/**
 * A refusal of a later batch, with where it stopped: the batches before it were sent and processed (an
 * import keeps them; importing the file again updates those lines rather than adding them twice).
 */
function failedFrom(firstRow: number, firstLineOfFile: number | undefined): (error: unknown) => never {
  return (error) => {
    if (firstRow === firstLineOfFile || !(error instanceof RpcFailure)) throw error;
    const problem = toProblem(error);
    const detail = problem.detail ?? problem.title;
    throw new ProblemException({
      ...problem,
      detail: {
        zh: `名单自第 ${firstRow} 行起未处理（此前各行已处理）：${detail.zh}`,
        en: `The roster was not processed from row ${firstRow} on (the rows before it were): ${detail.en}`,
      },
    });
  };
}

function inLineOrder(fromService: readonly RowProblem[], fromGateway: readonly RowProblem[]): RowProblem[] {
  return [...fromService, ...fromGateway].sort((a, b) => a.row - b.row);
}
