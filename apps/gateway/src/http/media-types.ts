/** An Excel workbook (Office Open XML): the export's download and a roster upload. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A PDF document: the public record's approval notices and revocation decisions. */
export const PDF = 'application/pdf';

/** Comma-separated values (RFC 4180), read as UTF-8. */
export const CSV = 'text/csv';

/** A page to read in a browser: the AsyncAPI document rendered. */
export const HTML = 'text/html';
