const STRING_LITERAL = /'(?:[^']|'')*'/g;
// Not a digit inside an identifier (`c0`) or a placeholder (`$1`).
const NUMBER_LITERAL = /(?<![\w$."])-?\d+(?:\.\d+)?\b/g;

/**
 * A statement with its literal values replaced by `?`: MikroORM inlines values into the SQL it sends,
 * and a trace must not carry a resident ID number, a name or a token to the collector.
 */
export function sanitizeSql(text: string): string {
  return text.replace(STRING_LITERAL, '?').replace(NUMBER_LITERAL, '?');
}
