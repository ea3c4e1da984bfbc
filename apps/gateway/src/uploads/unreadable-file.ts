import type { LocalizedText } from '@tic/domain';

import {
  UPLOAD_MAX_CELL_CHARACTERS,
  UPLOAD_MAX_COLUMNS,
  UPLOAD_MAX_LINES,
  UPLOAD_MAX_ROWS,
  UPLOAD_MAX_UNZIPPED_BYTES,
  UPLOAD_MAX_ZIP_ENTRIES,
} from './uploaded-file';

/**
 * An uploaded file the gateway cannot read, or that lacks a column. The reason names lines and
 * columns only, never a cell's content: a roster holds resident ID numbers.
 */
export class UnreadableFile extends Error {
  override readonly name = 'UnreadableFile';

  constructor(readonly reason: LocalizedText) {
    super(reason.en);
  }
}

/** A file with more lines than an upload may have (blank lines count). */
export function tooManyRows(): UnreadableFile {
  return new UnreadableFile({
    zh: `文件超过 ${UPLOAD_MAX_LINES} 行（含表头与空行，至多 ${UPLOAD_MAX_ROWS} 行名单）；请分成几个文件上传`,
    en: `The file has more than ${UPLOAD_MAX_LINES} lines (the header and blank lines count; at most ${UPLOAD_MAX_ROWS} roster lines); upload it in several files`,
  });
}

/** A line with a value beyond the last column a roster may use. */
export function tooManyColumns(line: number): UnreadableFile {
  return new UnreadableFile({
    zh: `第 ${line} 行超过 ${UPLOAD_MAX_COLUMNS} 列；请删去多余的列`,
    en: `Line ${line} has more than ${UPLOAD_MAX_COLUMNS} columns; delete the extra columns`,
  });
}

/** A cell longer than any roster field. */
export function cellTooLong(line: number, column: number): UnreadableFile {
  return new UnreadableFile({
    zh: `第 ${line} 行第 ${column} 列超过 ${UPLOAD_MAX_CELL_CHARACTERS} 个字符`,
    en: `The cell on line ${line}, column ${column} has more than ${UPLOAD_MAX_CELL_CHARACTERS} characters`,
  });
}

/** An XLSX whose files unzip to more than an upload may (a zip bomb), or that holds too many files. */
export function unzippedTooLarge(): UnreadableFile {
  const mib = UPLOAD_MAX_UNZIPPED_BYTES / 1024 / 1024;
  return new UnreadableFile({
    zh: `xlsx 工作簿解压后超过 ${mib} MiB（或多于 ${UPLOAD_MAX_ZIP_ENTRIES} 个文件）；请分成几个文件上传`,
    en: `The xlsx workbook unzips to more than ${mib} MiB (or holds more than ${UPLOAD_MAX_ZIP_ENTRIES} files); upload it in several files`,
  });
}

/** Refuses a line before it is used: too many lines, too many columns, or an over-long cell. */
export function checkLine(line: number, cells: readonly unknown[]): void {
  if (line > UPLOAD_MAX_LINES) throw tooManyRows();
  if (cells.length > UPLOAD_MAX_COLUMNS) throw tooManyColumns(line);
  for (const [index, cell] of cells.entries()) {
    if (typeof cell === 'string' && cell.length > UPLOAD_MAX_CELL_CHARACTERS) throw cellTooLong(line, index + 1);
  }
}
