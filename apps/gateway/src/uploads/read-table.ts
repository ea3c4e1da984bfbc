import { CSV } from '../http/media-types';
import { readCsv } from './csv-table';
import type { Table } from './table';
import type { UploadedFile } from './uploaded-file';
import { readXlsx } from './xlsx-table';

/** The sheet of an uploaded CSV or XLSX file; an UnreadableFile when it cannot be read. */
export function readTable(file: UploadedFile): Promise<Table> {
  return file.mediaType === CSV ? readCsv(file.content) : readXlsx(file.content);
}
