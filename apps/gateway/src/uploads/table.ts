/** A cell as read from a CSV (always text) or a worksheet (text, number, date or boolean). */
export type Cell = string | number | boolean | Date | undefined;

/**
 * One non-empty line after the header, numbered as the spreadsheet shows it (the header's own line
 * counts), so that DST staff find a reported line where Excel or WPS says it is.
 */
export interface TableRow {
  readonly row: number;
  readonly cells: readonly Cell[];
}

/** An uploaded sheet: its header's cells and its non-empty lines, blank lines skipped but counted. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly TableRow[];
}
