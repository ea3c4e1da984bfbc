import type { LocalizedText } from '@tic/domain';

import type { Cell } from '../uploads/table';

/** The text a ledger cell gives its field, or why the gateway cannot read it. */
export type LedgerCellReading = { readonly value: string } | { readonly problem: LocalizedText };

/** A column of an uploaded ledger: the row field it fills and the header names it goes by, Chinese first. */
export interface LedgerColumn {
  readonly field: LedgerField;
  readonly headers: readonly string[];
  readonly required: boolean;
  /** The values it takes, for the OpenAPI description. */
  readonly values?: string;
  readonly read: (cell: Cell) => LedgerCellReading;
}

export type LedgerField =
  'spentOn' | 'amountYuan' | 'category' | 'payee' | 'voucherRef' | 'procurement' | 'stateAsset' | 'note';

const notAnAmount: LedgerCellReading = {
  problem: { zh: '须为以元计的金额，例如 12345.60', en: 'must be an amount in yuan such as 12345.60' },
};
const notADate: LedgerCellReading = {
  problem: { zh: '须为日期，例如 2027-03-01', en: 'must be a date such as 2027-03-01' },
};

/**
 * A36: the columns of an expenditure workbook. Cells go to the funding service as text, which checks
 * each (dates, amounts in yuan, categories, 是/否); the gateway only refuses cells of a kind no text can
 * stand for (a date where an amount belongs).
 */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  {
    field: 'spentOn',
    headers: ['支出日期', 'spentOn'],
    required: true,
    values: 'a date cell, or 2027-03-01',
    read: (cell) => (typeof cell === 'boolean' ? notADate : text(cell)),
  },
  {
    field: 'amountYuan',
    headers: ['金额（元）', '金额', 'amountYuan'],
    required: true,
    values: 'yuan, at most two decimals',
    read: (cell) => (cell instanceof Date || typeof cell === 'boolean' ? notAnAmount : text(cell)),
  },
  {
    field: 'category',
    headers: ['支出类别', 'category'],
    required: true,
    values: '设备费/业务费/劳务费/间接费用 or equipment/business/labor/indirect',
    read: text,
  },
  { field: 'payee', headers: ['收款方', 'payee'], required: true, read: text },
  { field: 'voucherRef', headers: ['凭证号', 'voucherRef'], required: true, read: text },
  { field: 'procurement', headers: ['政府采购', 'procurement'], required: false, values: '是/否', read: yesNo },
  { field: 'stateAsset', headers: ['国有资产', 'stateAsset'], required: false, values: '是/否', read: yesNo },
  { field: 'note', headers: ['备注', 'note'], required: false, read: text },
];

function text(cell: Cell): LedgerCellReading {
  if (cell === undefined) return { value: '' };
  // exceljs gives a date cell as midnight UTC of that day.
  if (cell instanceof Date) return { value: cell.toISOString().slice(0, 10) };
  return { value: String(cell).trim() };
}

// A spreadsheet's TRUE/FALSE cell stands for 是/否; text goes on as typed.
function yesNo(cell: Cell): LedgerCellReading {
  return typeof cell === 'boolean' ? { value: cell ? 'yes' : 'no' } : text(cell);
}
