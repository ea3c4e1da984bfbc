import { Readable } from 'node:stream';

import ExcelJS, { type CellValue } from 'exceljs';

import type { Cell, Table, TableRow } from './table';
import { checkLine, tooManyColumns, UnreadableFile } from './unreadable-file';
import { UPLOAD_MAX_COLUMNS } from './uploaded-file';
import { checkZipLimits } from './zip-limits';

/**
 * Reads the first worksheet of an XLSX workbook with exceljs's streaming reader, which holds one row at a
 * time rather than the whole workbook, and stops at the line, column and cell limits; a zip bomb is
 * refused before exceljs unzips anything. Lines are the worksheet's row numbers.
 */
export async function readXlsx(content: Buffer): Promise<Table> {
  const [first] = await readWorksheets(content, 1);
  if (first === undefined) throw new UnreadableFile({ zh: '工作簿没有工作表', en: 'The workbook has no worksheet' });
  if (first.table === undefined)
    throw new UnreadableFile({ zh: '第一个工作表是空的', en: 'The first worksheet is empty' });
  return first.table;
}

/** A worksheet by its name; `table` is undefined for an empty one. */
export interface NamedTable {
  readonly name: string;
  readonly table: Table | undefined;
}

/**
 * The first `most` worksheets of a workbook with their names, under the same limits; the line limit
 * applies to each sheet.
 */
export async function readWorksheets(content: Buffer, most: number): Promise<NamedTable[]> {
  try {
    await checkZipLimits(content);
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile({ zh: '文件不是可读取的 xlsx 工作簿', en: 'The file is not a readable xlsx workbook' });
  }
  // Styles are read so that a date cell comes back as a date, not as Excel's day number.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const tables: NamedTable[] = [];
  try {
    for await (const worksheet of workbook) {
      const name = (worksheet as unknown as { name?: string }).name ?? '';
      tables.push({ name, table: await readWorksheet(worksheet) });
      if (tables.length >= most) break;
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    // exceljs's and unzip's messages are of no use to the caller and are kept out of the reply.
    throw new UnreadableFile({ zh: '文件不是可读取的 xlsx 工作簿', en: 'The file is not a readable xlsx workbook' });
  }
  return tables;
}

async function readWorksheet(worksheet: AsyncIterable<ExcelJS.Row>): Promise<Table | undefined> {
  let header: string[] | undefined;
  const rows: TableRow[] = [];
  let seen = 0;
  for await (const row of worksheet) {
    seen += 1;
    const cells = cellsOf(row);
    // Every row the sheet holds is checked, empty ones too; a crafted sheet may repeat row numbers.
    checkLine(Math.max(row.number, seen), cells);
    if (cells.every((cell) => cell === undefined || (typeof cell === 'string' && cell.trim() === ''))) continue;
    if (header === undefined) {
      header = cells.map((cell) => (cell === undefined ? '' : String(cell)));
      continue;
    }
    rows.push({ row: row.number, cells });
  }
  return header === undefined ? undefined : { header, rows };
}

// row.values is sparse and 1-based: index 0 is always empty. Its length is one past the last cell with a
// value, checked before the sparse array is made dense (a cell at XFD would make 16,384 cells).
function cellsOf(row: ExcelJS.Row): Cell[] {
  const all = row.values;
  if (Array.isArray(all) && all.length - 1 > UPLOAD_MAX_COLUMNS) throw tooManyColumns(row.number);
  const values = Array.isArray(all) ? all.slice(1) : [];
  return Array.from(values, (value) => cellOf(value));
}

function cellOf(value: CellValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? undefined : result;
  }
  // An error value (#N/A, #REF!…) reads as an empty cell.
  return undefined;
}
