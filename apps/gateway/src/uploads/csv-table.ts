import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';

import { CsvError, parse } from 'csv-parse';

import type { LocalizedText } from '@tic/domain';

import type { Table, TableRow } from './table';
import { checkLine, UnreadableFile } from './unreadable-file';

// Fed in slices so that a 20 MiB file does not hold the event loop for the whole parse.
const SLICE_BYTES = 256 * 1024;
// A record longer than this is an unclosed quote swallowing the file, not a roster line.
const MAX_RECORD_CHARACTERS = 64 * 1024;

/**
 * Reads a UTF-8 CSV (RFC 4180, an optional BOM) with csv-parse. Lines are counted as records, as a
 * spreadsheet shows them (a quoted line break stays in its cell); the first non-empty one is the header.
 */
export async function readCsv(content: Buffer): Promise<Table> {
  if (!isUtf8(content)) {
    throw new UnreadableFile({
      zh: '文件不是 UTF-8 编码的 CSV；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或直接上传 xlsx 工作簿',
      en: 'The file is not UTF-8 CSV; save it as "CSV UTF-8 (comma delimited)", or upload the xlsx workbook',
    });
  }
  const slices = Array.from({ length: Math.ceil(content.length / SLICE_BYTES) }, (_, i) =>
    content.subarray(i * SLICE_BYTES, (i + 1) * SLICE_BYTES),
  );
  const parser = Readable.from(slices).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: false, max_record_size: MAX_RECORD_CHARACTERS }),
  );
  let header: string[] | undefined;
  let record = 0;
  const rows: TableRow[] = [];
  try {
    for await (const cellsRead of parser as AsyncIterable<string[]>) {
      record += 1;
      const cells = withoutTrailingEmpties(cellsRead);
      // Every line is checked, blank ones too: they cost as much to read.
      checkLine(record, cells);
      if (cells.length === 0) continue;
      if (header === undefined) {
        header = cells;
        continue;
      }
      rows.push({ row: record, cells });
    }
  } catch (error) {
    parser.destroy();
    if (error instanceof CsvError) throw unparsable(error);
    throw error;
  }
  if (header === undefined) throw new UnreadableFile({ zh: '文件是空的', en: 'The file is empty' });
  return { header, rows };
}

// Excel pads every line to the widest one with commas; the empty cells at the end carry nothing.
function withoutTrailingEmpties(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? '').trim() === '') end -= 1;
  return cells.slice(0, end);
}

// csv-parse's own messages quote the offending characters, so only its code and line are used. The
// line is where the parser stood (counting the header as line 1): for an unclosed quote, past its start.
function unparsable(error: CsvError): UnreadableFile {
  const line = typeof error.lines === 'number' ? error.lines : undefined;
  const where: LocalizedText =
    line === undefined ? { zh: '', en: '' } : { zh: `文件第 ${line} 行附近：`, en: ` near line ${line} of the file` };
  const what = CSV_ERRORS[error.code] ?? { zh: '无法按 CSV 解析', en: 'cannot be read as CSV' };
  return new UnreadableFile({ zh: `CSV 格式错误，${where.zh}${what.zh}`, en: `Malformed CSV${where.en}: ${what.en}` });
}

const CSV_ERRORS: Readonly<Partial<Record<CsvError['code'], LocalizedText>>> = {
  CSV_QUOTE_NOT_CLOSED: { zh: '引号没有闭合', en: 'a quote is not closed' },
  CSV_INVALID_CLOSING_QUOTE: { zh: '引号闭合后紧跟了其他字符', en: 'a closing quote is followed by other characters' },
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: {
    zh: '引号闭合后紧跟了其他字符',
    en: 'a closing quote is followed by other characters',
  },
  INVALID_OPENING_QUOTE: { zh: '引号出现在单元格中间', en: 'a quote opens in the middle of a cell' },
  CSV_MAX_RECORD_SIZE: { zh: '一行过长（可能有引号没有闭合）', en: 'a line is too long (a quote may not be closed)' },
};
