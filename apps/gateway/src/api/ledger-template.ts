import { StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';

import type { AllocationDto } from '@tic/contracts';
import { categoryName } from '@tic/domain';

import { XLSX } from '../http/media-types';
import { attachment } from './content-disposition';
import { LEDGER_COLUMNS } from './ledger-columns';

// Lines the template offers its lists on; the import reads any number up to its limit.
const LINES = 500;

/**
 * A36: the workbook the supporting unit fills in for an allocation's ledger import: the columns the
 * import reads, their Chinese headers, and drop-down lists of the allocation's own categories and 是/否,
 * so that a line outside the budget is caught while it is typed.
 */
export async function ledgerTemplate(allocation: AllocationDto): Promise<StreamableFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('支出明细');
  sheet.columns = LEDGER_COLUMNS.map((column) => ({ header: column.headers[0], width: 18 }));
  sheet.getRow(1).font = { bold: true };
  const categories = allocation.balances.map((b) => categoryName(b.category));
  const list = (column: number, values: readonly string[]) => {
    for (let line = 2; line <= LINES + 1; line += 1) {
      sheet.getCell(line, column).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${values.join(',')}"`],
      };
    }
  };
  list(columnOf('category'), categories);
  list(columnOf('procurement'), ['是', '否']);
  list(columnOf('stateAsset'), ['是', '否']);
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  const fileName = `${allocation.centerName}-${allocation.fiscalYear}年度资金支出明细.xlsx`;
  return new StreamableFile(content, { type: XLSX, disposition: attachment(fileName), length: content.length });
}

function columnOf(field: (typeof LEDGER_COLUMNS)[number]['field']): number {
  return LEDGER_COLUMNS.findIndex((column) => column.field === field) + 1;
}
