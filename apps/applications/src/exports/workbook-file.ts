import ExcelJS from 'exceljs';

/** One column of an export: its header (in Chinese), the row's key and the width. */
export interface WorkbookColumn {
  readonly header: string;
  readonly key: string;
  readonly width: number;
}

/**
 * An export as one worksheet with a bold header row, base64-encoded to travel over NATS (the gateway
 * turns it back into a download).
 */
export async function workbookFile(
  sheetName: string,
  columns: readonly WorkbookColumn[],
  rows: readonly Record<string, unknown>[],
): Promise<{ contentBase64: string; rows: number }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ ...c }));
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { contentBase64: buffer.toString('base64'), rows: rows.length };
}
