import type { z } from 'zod';

import type { ledgerImportProblemSchema, ledgerImportRowSchema } from '@tic/contracts';

import type { Locale } from '../http/locale';
import type { Table } from '../uploads/table';
import { columnPositions } from '../uploads/header-columns';
import { UnreadableFile } from '../uploads/unreadable-file';
import { LEDGER_COLUMNS, type LedgerField } from './ledger-columns';

export type LedgerRow = z.output<typeof ledgerImportRowSchema>;
export type LedgerProblem = z.output<typeof ledgerImportProblemSchema>;

/** The lines of an uploaded ledger as the service takes them, and those the gateway could not read. */
export interface LedgerSheet {
  readonly rows: LedgerRow[];
  readonly problems: LedgerProblem[];
}

/**
 * Reads an expenditure workbook: finds each column by its Chinese or English header, refuses the file
 * when a required column is missing, and turns every line into the service's row, numbered as the
 * spreadsheet shows it. A column left out is empty on every line.
 */
export function ledgerSheet(table: Table, locale: Locale): LedgerSheet {
  const positions = columnPositions(table.header, LEDGER_COLUMNS);
  const missing = LEDGER_COLUMNS.filter((column) => column.required && !positions.has(column));
  if (missing.length > 0) {
    throw new UnreadableFile({
      zh: `文件缺少必需的列：${missing.map((c) => c.headers[0]).join('、')}`,
      en: `The file lacks the required column${missing.length > 1 ? 's' : ''}: ${missing.map((c) => `${c.field} (${c.headers.join(', ')})`).join('; ')}`,
    });
  }
  const sheet: LedgerSheet = { rows: [], problems: [] };
  for (const { row, cells } of table.rows) {
    const fields: Record<LedgerField, string> = {
      spentOn: '',
      amountYuan: '',
      category: '',
      payee: '',
      voucherRef: '',
      procurement: '',
      stateAsset: '',
      note: '',
    };
    const problems: LedgerProblem[] = [];
    for (const [column, position] of positions) {
      const reading = column.read(cells[position]);
      if ('problem' in reading) problems.push({ row, field: column.field, message: reading.problem[locale] });
      else fields[column.field] = reading.value;
    }
    if (problems.length === 0) sheet.rows.push({ row, ...fields });
    else sheet.problems.push(...problems);
  }
  return sheet;
}
