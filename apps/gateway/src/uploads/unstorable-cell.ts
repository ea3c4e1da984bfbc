import { unstorableReason, type UnstorableText } from '@tic/contracts';

import type { Table } from './table';

/**
 * The first cell of an uploaded sheet that Postgres cannot store, named by the line the spreadsheet
 * shows and the column's header (`file.line[7].姓名`), so that the uploader finds it.
 */
export function findUnstorableCell(table: Table): UnstorableText | undefined {
  for (const [index, header] of table.header.entries()) {
    const reason = unstorableReason(header);
    if (reason) return { path: `file.header[${index}]`, reason };
  }
  for (const { row, cells } of table.rows) {
    for (const [index, cell] of cells.entries()) {
      const reason = typeof cell === 'string' ? unstorableReason(cell) : undefined;
      if (reason) return { path: `file.line[${row}].${table.header[index] || `column ${index + 1}`}`, reason };
    }
  }
  return undefined;
}
