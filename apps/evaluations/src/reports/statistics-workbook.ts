import ExcelJS from 'exceljs';

import { type AnnualReportStatistics, STATISTICS_SHEETS, type StatisticsColumn } from '@tic/domain';

type Row = Readonly<Record<string, unknown>>;

/**
 * A27: the statistics template, one sheet per part of the table with the domain's Chinese labels as
 * headers, filled with what the report holds so that a unit edits rather than retypes. The upload reads
 * the sheets back by these names and labels (readStatisticsSheets).
 */
export async function statisticsWorkbook(
  reportYear: number,
  statistics: AnnualReportStatistics | null,
): Promise<{ fileName: string; contentBase64: string }> {
  const workbook = new ExcelJS.Workbook();
  const [main, achievements, targets] = STATISTICS_SHEETS;
  addSheet(workbook, main.name, main.columns, statistics === null ? [] : [statistics as unknown as Row]);
  addSheet(workbook, achievements.name, achievements.columns, (statistics?.majorAchievements ?? []) as unknown as Row[]);
  addSheet(workbook, targets.name, targets.columns, (statistics?.performanceTargets ?? []) as unknown as Row[]);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${reportYear}年度统计表.xlsx`, contentBase64: buffer.toString('base64') };
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly StatisticsColumn<string>[],
  rows: readonly Row[],
): void {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((c) => ({ header: c.label.zh, key: c.key, width: c.kind === 'text' ? 40 : 18 }));
  for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? null])));
  sheet.getRow(1).font = { bold: true };
  // Money in fen and counts are whole numbers: shown without a thousands separator or decimals to round.
  columns.forEach((c, i) => {
    if (c.kind === 'fen' || c.kind === 'count') sheet.getColumn(i + 1).numFmt = '0';
  });
}
