import type { LocalizedText } from '../findings';
import {
  type AnnualReportStatistics,
  checkAnnualReportStatistics,
  MAJOR_ACHIEVEMENT_COLUMNS,
  STATISTICS_COLUMNS,
  type StatisticsColumn,
} from './annual-report-statistics';

/**
 * The worksheets of the statistics template (A27), by name; a workbook is read by these names, not order.
 * The performance targets are not among them: they come from the funding service (A35).
 */
export const STATISTICS_SHEETS = [
  { key: 'main', name: '年度统计', columns: STATISTICS_COLUMNS },
  { key: 'majorAchievements', name: '重大成果', columns: MAJOR_ACHIEVEMENT_COLUMNS },
] as const;

/** A cell as a spreadsheet reader hands it over (a date as its ISO text). */
export type SheetCell = string | number | boolean | null;

/** A worksheet read back: its name, header row and non-empty lines, numbered as the spreadsheet shows them. */
export interface StatisticsSheet {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly SheetCell[] }[];
}

/** A cell the table cannot take: where it is (sheet, row, column letter), the field, and why. */
export interface SheetCellError {
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly field: string;
  readonly message: LocalizedText;
}

export type StatisticsSheetsReading =
  | { readonly ok: true; readonly statistics: AnnualReportStatistics }
  | { readonly ok: false; readonly errors: readonly SheetCellError[] };

type Column = StatisticsColumn<string>;
interface Located {
  readonly sheet: string;
  readonly row: number;
  readonly positions: ReadonlyMap<string, number>;
}

/**
 * A27: the statistics table from the template's sheets. Every cell is read, and every cell the
 * domain refuses (checkAnnualReportStatistics) is named by sheet, row and column, so that one reply lists
 * them all; the table is returned only when there is none.
 */
export function readStatisticsSheets(sheets: readonly StatisticsSheet[]): StatisticsSheetsReading {
  const errors: SheetCellError[] = [];
  const [mainSpec, achievementSpec] = STATISTICS_SHEETS;
  const main = sheetOf(sheets, mainSpec, errors);
  const achievements = sheetOf(sheets, achievementSpec, errors);
  if (main === undefined || achievements === undefined) return { ok: false, errors };

  const mainRows = main.rows;
  if (mainRows.length !== 1) {
    errors.push({
      sheet: main.name,
      row: mainRows[1]?.row ?? null,
      column: null,
      field: 'statistics',
      message: { zh: '须在表头下填写且只填写一行', en: 'takes exactly one line under the header' },
    });
  }
  const mainPositions = positionsOf(main, mainSpec.columns, errors);
  const achievementPositions = positionsOf(achievements, achievementSpec.columns, errors);
  if (errors.length > 0) return { ok: false, errors };

  const where = new Map<string, { located: Located; column: Column }>();
  const read = (located: Located, cells: readonly SheetCell[], columns: readonly Column[], prefix: string) => {
    const value: Record<string, unknown> = {};
    for (const column of columns) {
      const path = `${prefix}${column.key}`;
      where.set(path, { located, column });
      const cell = cells[located.positions.get(column.key) ?? -1] ?? null;
      const reading = cellValue(cell, column);
      if ('problem' in reading) errors.push(cellError(located, column, reading.problem));
      else if (reading.value !== undefined) value[column.key] = reading.value;
    }
    return value;
  };
  const mainLine = mainRows[0] ?? { row: 2, cells: [] };
  const table = {
    ...read({ sheet: main.name, row: mainLine.row, positions: mainPositions }, mainLine.cells, mainSpec.columns, ''),
    majorAchievements: achievements.rows.map((line, i) =>
      read(
        { sheet: achievements.name, row: line.row, positions: achievementPositions },
        line.cells,
        achievementSpec.columns,
        `majorAchievements[${i}].`,
      ),
    ),
  } as unknown as AnnualReportStatistics;
  const unread = new Set(errors.map((e) => `${e.sheet}!${e.column ?? ''}${e.row ?? ''}`));
  for (const problem of checkAnnualReportStatistics(table).errors) {
    const at = where.get(problem.path);
    if (at === undefined) continue;
    const error = cellError(at.located, at.column, problem.message, false);
    // A cell already refused as unreadable is not reported a second time as missing.
    if (!unread.has(`${error.sheet}!${error.column ?? ''}${error.row ?? ''}`)) errors.push(error);
  }
  return errors.length > 0 ? { ok: false, errors: sorted(errors) } : { ok: true, statistics: table };
}

/** A1-style column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function sheetOf(
  sheets: readonly StatisticsSheet[],
  { name, columns }: (typeof STATISTICS_SHEETS)[number],
  errors: SheetCellError[],
) {
  // A renamed sheet is still found by its first column's header.
  const first = columns[0]?.label.zh;
  const found =
    sheets.find((s) => s.name.trim() === name) ??
    sheets.find((s) => first !== undefined && s.header[0]?.trim() === first);
  if (found === undefined) {
    errors.push({
      sheet: name,
      row: null,
      column: null,
      field: 'statistics',
      message: {
        zh: `工作簿缺少工作表“${name}”；请使用下载的模板`,
        en: `The workbook lacks the sheet “${name}”; use the downloaded template`,
      },
    });
  }
  return found;
}

function positionsOf(
  sheet: StatisticsSheet,
  columns: readonly Column[],
  errors: SheetCellError[],
): Map<string, number> {
  const header = sheet.header.map((h) => h.replace(/\s+/g, ''));
  const positions = new Map<string, number>();
  for (const column of columns) {
    const accepted = [column.label.zh, column.label.en, column.key].map((h) => h.replace(/\s+/g, ''));
    const at = header.findIndex((h) => accepted.includes(h));
    if (at >= 0) positions.set(column.key, at);
    else if (column.optional !== true)
      errors.push({
        sheet: sheet.name,
        row: 1,
        column: null,
        field: column.key,
        message: { zh: `表头缺少“${column.label.zh}”列`, en: `The header lacks the column “${column.label.en}”` },
      });
  }
  return positions;
}

type Reading = { readonly value: string | number | undefined } | { readonly problem: LocalizedText };

function cellValue(cell: SheetCell, column: Column): Reading {
  const blank = cell === null || (typeof cell === 'string' && cell.trim() === '');
  if (column.kind === 'text') return { value: blank ? undefined : String(cell).trim() };
  if (blank) return { value: undefined };
  const number =
    typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell.trim().replace(/,/g, '')) : NaN;
  if (!Number.isFinite(number)) return { problem: { zh: '须填写数字', en: 'must be a number' } };
  return { value: number };
}

function cellError(located: Located, column: Column, message: LocalizedText, labelled = true): SheetCellError {
  const at = located.positions.get(column.key);
  return {
    sheet: located.sheet,
    row: located.row,
    column: at === undefined ? null : columnLetter(at),
    field: column.key,
    message: labelled ? { zh: `${column.label.zh}${message.zh}`, en: `${column.label.en} ${message.en}` } : message,
  };
}

function sorted(errors: readonly SheetCellError[]): SheetCellError[] {
  const order = STATISTICS_SHEETS.map((s) => s.name as string);
  return [...errors].sort(
    (a, b) =>
      order.indexOf(a.sheet) - order.indexOf(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? '').localeCompare(b.column ?? ''),
  );
}
