import ExcelJS from 'exceljs';

import type { ReportFundsDto } from '@tic/contracts';
import { type AnnualReportStatistics, STATISTICS_SHEETS, type StatisticsColumn } from '@tic/domain';

type Row = Readonly<Record<string, unknown>>;

/** The funds section's sheet: an export to read, never read back (readStatisticsSheets knows no such sheet). */
const FUNDS_SHEET = '省级资金绩效（只读）';
const FUNDS_COLUMNS: readonly StatisticsColumn<string>[] = [
  { key: 'purpose', label: { zh: '资金用途', en: 'Purpose' }, kind: 'text' },
  { key: 'allocatedFen', label: { zh: '下达金额（分）', en: 'Allocated (fen)' }, kind: 'fen' },
  { key: 'spentFen', label: { zh: '已支出（分）', en: 'Spent (fen)' }, kind: 'fen' },
  { key: 'indicator', label: { zh: '绩效指标', en: 'Indicator' }, kind: 'text' },
  { key: 'unit', label: { zh: '计量单位', en: 'Unit' }, kind: 'text' },
  { key: 'targetValue', label: { zh: '目标值', en: 'Target' }, kind: 'decimal' },
  { key: 'achievedValue', label: { zh: '完成值', en: 'Achieved' }, kind: 'decimal' },
  { key: 'shortfallReason', label: { zh: '未完成原因', en: 'Reason for the shortfall' }, kind: 'text' },
];

/**
 * A27: the statistics template, one sheet per part of the table with the domain's Chinese labels as
 * headers, filled with what the report holds so that a unit edits rather than retypes. The upload reads
 * the sheets back by these names and labels (readStatisticsSheets). A35: the performance targets are the
 * funding service's; when the report shows a funds section it is added as a sheet to read only.
 */
export async function statisticsWorkbook(
  reportYear: number,
  statistics: AnnualReportStatistics | null,
  funds: ReportFundsDto | null,
): Promise<{ fileName: string; contentBase64: string }> {
  const workbook = new ExcelJS.Workbook();
  const [main, achievements] = STATISTICS_SHEETS;
  addSheet(workbook, main.name, main.columns, statistics === null ? [] : [statistics as unknown as Row]);
  addSheet(
    workbook,
    achievements.name,
    achievements.columns,
    (statistics?.majorAchievements ?? []) as unknown as Row[],
  );
  if (funds !== null) addSheet(workbook, FUNDS_SHEET, FUNDS_COLUMNS, fundsRows(funds));
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${reportYear}年度统计表.xlsx`, contentBase64: buffer.toString('base64') };
}

// One line per performance target, with its allocation; an allocation without targets still has its line.
function fundsRows(funds: ReportFundsDto): Row[] {
  return funds.allocations.flatMap((allocation) => {
    const money = { purpose: allocation.purpose, allocatedFen: allocation.allocatedFen, spentFen: allocation.spentFen };
    return allocation.targets.length === 0 ? [money] : allocation.targets.map((target) => ({ ...money, ...target }));
  });
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
