import { CSV, XLSX } from '../http/media-types';

/** The file bodies an upload route takes besides JSON. */
export const UPLOAD_MEDIA_TYPES = [CSV, XLSX] as const;
export type UploadMediaType = (typeof UPLOAD_MEDIA_TYPES)[number];

/** 20 MiB: a roster of 100,000 lines fits as CSV; JSON bodies keep their 1 MiB everywhere. */
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

/** Lines after the header an uploaded roster may have: 50 requests of ROSTER_BATCH_ROWS at most. */
export const UPLOAD_MAX_ROWS = 100_000;

/**
 * The last line number a file may use: the header and UPLOAD_MAX_ROWS lines. Blank lines count, since
 * reading them costs as much as any other (a worksheet can hold a million empty rows).
 */
export const UPLOAD_MAX_LINES = UPLOAD_MAX_ROWS + 1;

/** Columns a line may fill: a roster has a handful; a cell at column XFD would make every line 16,384 wide. */
export const UPLOAD_MAX_COLUMNS = 64;

/** Characters in one cell: a name, an ID number or a title is far shorter. */
export const UPLOAD_MAX_CELL_CHARACTERS = 1_000;

/** An XLSX's files, decompressed, together: a 100,000-line roster takes some 40 MiB; a zip bomb far more. */
export const UPLOAD_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

/** Files in an XLSX's zip: a workbook has a dozen or so. */
export const UPLOAD_MAX_ZIP_ENTRIES = 1_000;

/** A CSV or XLSX request body as the upload body parser hands it to the route, unread. */
export class UploadedFile {
  constructor(
    readonly mediaType: UploadMediaType,
    readonly content: Buffer,
  ) {}
}
