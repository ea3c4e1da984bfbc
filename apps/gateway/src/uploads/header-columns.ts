import { UnreadableFile } from './unreadable-file';

/** A column an upload reads: the field it fills and the header texts that name it. */
export interface HeaderNamedColumn {
  readonly field: string;
  readonly headers: readonly string[];
}

/** How a header cell is compared: width-folded (ＩＤ → ID), no spaces or `*`, no trailing note in brackets, lower case. */
export function headerKey(text: string): string {
  const folded = text.normalize('NFKC').replace(/[\s*]/g, '');
  // The note runs from the first bracket to a closing one at the end. Found by indexOf rather than by
  // /\(.*\)$/, which backtracks: a header of a million "(" took the event loop for minutes.
  const note = folded.endsWith(')') ? folded.indexOf('(') : -1;
  return (note === -1 ? folded : folded.slice(0, note)).toLowerCase();
}

/**
 * Where each column stands in the header row; a column named twice makes the file unreadable, since
 * either choice would silently drop what the other holds. A column not named is absent from the map.
 */
export function columnPositions<C extends HeaderNamedColumn>(
  header: readonly string[],
  columns: readonly C[],
): Map<C, number> {
  const keys = header.map(headerKey);
  const positions = new Map<C, number>();
  for (const column of columns) {
    const accepted = new Set(column.headers.map(headerKey));
    const found = keys.flatMap((key, position) => (accepted.has(key) ? [position] : []));
    if (found.length > 1) {
      throw new UnreadableFile({
        zh: `表头中有 ${found.length} 列都是“${column.headers.join('/')}”；请只保留一列`,
        en: `The header has ${found.length} columns for ${column.field} (${column.headers.join('/')}); keep one`,
      });
    }
    if (found[0] !== undefined) positions.set(column, found[0]);
  }
  return positions;
}
