import ExcelJS from 'exceljs';

import { residentIdCheckCharacter } from '@tic/domain';

import { XLSX } from '../../src/http/media-types';

export { XLSX };

/**
 * The i-th of a series of distinct, valid resident ID numbers (Shenyang, born from 1960 on): made up
 * for tests, with the GB 11643 check character, so that nothing real ends up in a fixture.
 */
export function residentId(i: number): string {
  const born = new Date(Date.UTC(1960, 0, 1) + (i % 20_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `210102${born}${String(Math.floor(i / 20_000) + 100).padStart(3, '0')}`;
  return `${first17}${residentIdCheckCharacter(first17)}`;
}

/** A roster line: `name` decides what the stand-in answers (重复… a conflict, 已有… an update). */
export interface RosterLine {
  readonly name: string;
  readonly idNumber: string | number;
  readonly kind?: string;
  readonly role?: string;
  readonly startsOn?: string | Date;
}

/** `count` ordinary lines, numbered from 1; `named` gives some lines another name. */
export function rosterLines(count: number, named: Readonly<Record<number, string>> = {}): RosterLine[] {
  return Array.from({ length: count }, (_, i) => ({
    name: named[i + 1] ?? `职工${i + 1}`,
    idNumber: residentId(i),
    kind: i % 3 === 0 ? '流动' : '固定',
  }));
}

/** A CSV with a UTF-8 BOM (as Excel saves "CSV UTF-8"), quoted where needed, CRLF line ends. */
export function csvOf(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): Buffer {
  const quote = (cell: string | number | undefined) => {
    const text = cell === undefined ? '' : String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return Buffer.from(`\uFEFF${[header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** A workbook with one worksheet: the header row, then the rows (dates as date cells). */
export async function xlsxOf(
  header: readonly string[],
  rows: readonly (readonly (string | number | Date | undefined)[])[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
