import { z } from 'zod';

import type { rosterRowProblem } from '@tic/contracts';

import type { Locale } from '../http/locale';
import { jsonSchemaOf, propertiesOf } from '../routing/json-schema';
import type { NumberedRow } from '../uploads/batches';
import type { Table } from '../uploads/table';
import { UnreadableFile } from '../uploads/unreadable-file';
import { columnPositions } from '../uploads/header-columns';
import type { RosterColumn } from './roster-columns';

export type RowProblem = z.output<typeof rosterRowProblem>;

/** The rows of a roster ready to send, and the lines the gateway could not use (never sent). */
export interface RosterSheet<T> {
  readonly rows: NumberedRow<T>[];
  readonly problems: RowProblem[];
}

const zhMessages = z.locales.zhCN().localeError;

/**
 * Reads a roster sheet into the RPC's rows: finds each column by its header, refuses the file when a
 * column the row schema requires is missing, and checks every line on its own with the row schema.
 * A problem names the line and the field, never the cell's content.
 */
export function rosterSheet<S extends z.ZodObject>(
  table: Table,
  columns: readonly RosterColumn[],
  rowSchema: S,
  locale: Locale,
): RosterSheet<z.output<S>> {
  const positions = columnPositions(table.header, columns);
  const required = requiredFields(rowSchema);
  const missing = columns.filter((column) => required.includes(column.field) && !positions.has(column));
  if (missing.length > 0) throw missingColumns(missing);

  const sheet: RosterSheet<z.output<S>> = { rows: [], problems: [] };
  for (const { row, cells } of table.rows) {
    const value: Record<string, string> = {};
    const problems: RowProblem[] = [];
    for (const [column, position] of positions) {
      const reading = column.read(cells[position]);
      if (reading === undefined) continue;
      if ('problem' in reading) problems.push({ row, path: column.field, message: reading.problem[locale] });
      else value[column.field] = reading.value;
    }
    if (problems.length === 0) {
      const parsed = rowSchema.safeParse(value, locale === 'zh' ? { error: zhMessages } : undefined);
      if (parsed.success) sheet.rows.push({ row, value: parsed.data });
      else
        problems.push(
          ...parsed.error.issues.map((issue) => ({
            row,
            path: issue.path.map(String).join('.'),
            message: issue.message,
          })),
        );
    }
    sheet.problems.push(...problems);
  }
  return sheet;
}

/**
 * A18 查重 of a file: a line repeating an earlier line's number is reported and not sent, as the service
 * does within one request; done here over the whole file, since its batches are separate requests.
 */
export function withoutRepeats<T extends { readonly idNumber: string }>(
  sheet: RosterSheet<T>,
  locale: Locale,
): RosterSheet<T> {
  const firstLineOf = new Map<string, number>();
  const rows: NumberedRow<T>[] = [];
  const problems = [...sheet.problems];
  for (const line of sheet.rows) {
    const number = line.value.idNumber.trim().toUpperCase();
    const earlier = firstLineOf.get(number);
    if (earlier === undefined) {
      firstLineOf.set(number, line.row);
      rows.push(line);
    } else {
      problems.push({
        row: line.row,
        path: 'idNumber',
        message: locale === 'zh' ? `与第 ${earlier} 行的身份证号重复` : `repeats the number on line ${earlier}`,
      });
    }
  }
  return { rows, problems };
}

/** The fields a row must have: those of the row schema with neither a default nor `optional`. */
export function requiredFields(rowSchema: z.ZodObject): readonly string[] {
  return propertiesOf(jsonSchemaOf(rowSchema, 'input')).required;
}

function missingColumns(missing: readonly RosterColumn[]): UnreadableFile {
  const named = (column: RosterColumn, or: string) =>
    `${column.headers[0] ?? column.field}${column.headers.length > 1 ? `（${or} ${column.headers.slice(1).join('、')}）` : ''}`;
  return new UnreadableFile({
    zh: `文件缺少必需的列：${missing.map((column) => named(column, '或')).join('；')}`,
    en: `The file lacks the required column${missing.length > 1 ? 's' : ''}: ${missing.map((column) => `${column.field} (${column.headers.join(', ')})`).join('; ')}`,
  });
}
