import { CheckRoster, ImportPlatformRoster, ROSTER_BATCH_ROWS } from '@tic/contracts';

import type { UploadInput, UploadSpec } from '../routing/route-spec';
import { UPLOAD_LIMIT_BYTES, UPLOAD_MAX_ROWS } from '../uploads/uploaded-file';
import { ROSTER_CHECK_COLUMNS, ROSTER_IMPORT_COLUMNS, type RosterColumn } from './roster-columns';
import { requiredFields } from './roster-sheet';

/** The rows of each RPC, which every line of an uploaded roster must pass. */
export const CHECK_ROW = CheckRoster.request.shape.rows.element;
export const IMPORT_ROW = ImportPlatformRoster.request.shape.rows.element;

// A check's file names its platform in the query; an import's in the path, with the employer of new people in the query.
const checkFields = CheckRoster.request.pick({ platformId: true });
const importFields = ImportPlatformRoster.request.pick({ platformId: true, employerOrgId: true });

export type RosterCheckUpload = UploadInput<typeof checkFields>;
export type RosterImportUpload = UploadInput<typeof importFields>;

/** POST /roster-checks with a CSV or XLSX body. */
export const ROSTER_CHECK_UPLOAD: UploadSpec = {
  request: checkFields,
  description: fileDescription(ROSTER_CHECK_COLUMNS, requiredFields(CHECK_ROW)),
};

/** POST /platforms/:id/roster with a CSV or XLSX body. */
export const ROSTER_IMPORT_UPLOAD: UploadSpec = {
  request: importFields,
  description: fileDescription(ROSTER_IMPORT_COLUMNS, requiredFields(IMPORT_ROW)),
};

function fileDescription(columns: readonly RosterColumn[], required: readonly string[]): string {
  const listed = columns.map(
    (column) =>
      `${column.headers.join(' / ')}${required.includes(column.field) ? ' (required)' : ''}${column.values ? `: ${column.values}` : ''}`,
  );
  return [
    'A roster file: CSV (UTF-8, optional BOM) or XLSX (its first worksheet), with a header row naming the columns in Chinese or English.',
    `Columns: ${listed.join('; ')}. Other columns are ignored.`,
    `Up to ${UPLOAD_MAX_ROWS} lines and ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MiB; sent to the service in parts of ${ROSTER_BATCH_ROWS} lines and answered as one reply,`,
    'with `row` the row number the spreadsheet shows (the header row counts). A line the gateway cannot read is reported in `problems` without its content.',
  ].join(' ');
}
