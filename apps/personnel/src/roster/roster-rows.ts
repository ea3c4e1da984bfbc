import { isValidIsoDate, validateResidentId } from '@tic/domain';

/** A roster line that could not be read; it names the field, never its value. */
export interface RowProblem {
  readonly row: number;
  readonly path: string;
  readonly message: string;
}

const ID_NUMBER_PROBLEMS = {
  format: 'is not an 18-character resident ID number',
  region:
    'does not start with a known division code, permit prefix (810000, 820000, 830000) or permanent residence prefix (9)',
  birth_date: 'does not contain a real birth date',
  check_digit: 'has a wrong check character',
} as const;

/**
 * Checks one line's name and resident ID number (and any dates given) and returns what is wrong
 * with it; an upload of thousands of lines reports every bad line instead of failing whole.
 */
export function rowProblems(
  row: number,
  line: { name: string; idNumber: string; startsOn?: string },
  today: string,
): RowProblem[] {
  const problems: RowProblem[] = [];
  if (line.name.trim().length === 0 || line.name.trim().length > 50)
    problems.push({ row, path: 'name', message: 'must be a name of 1 to 50 characters' });
  const { valid, reason } = validateResidentId(line.idNumber, today);
  if (!valid) problems.push({ row, path: 'idNumber', message: ID_NUMBER_PROBLEMS[reason ?? 'format'] });
  if (line.startsOn !== undefined && !isValidIsoDate(line.startsOn))
    problems.push({ row, path: 'startsOn', message: 'must be a real date written as YYYY-MM-DD' });
  return problems;
}

/** A readable roster line, with the lookup hash of its number and, for a repeat, the line it repeats. */
export interface RosterLine<L> {
  readonly row: number;
  readonly hash: string;
  readonly line: L;
  readonly repeatOf?: number;
}

/**
 * Reads a batch of roster lines numbered from `firstRow`: each bad line becomes its problems, each
 * number seen before becomes a "repeats" problem (the line is kept, marked), the rest are hashed.
 */
export function readRosterLines<L extends { name: string; idNumber: string; startsOn?: string }>(
  rows: readonly L[],
  firstRow: number,
  today: string,
  hash: (idNumber: string) => string,
): { lines: RosterLine<L>[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const lines: RosterLine<L>[] = [];
  const firstLineOf = new Map<string, number>();
  rows.forEach((line, index) => {
    const row = firstRow + index;
    const lineProblems = rowProblems(row, line, today);
    if (lineProblems.length > 0) {
      problems.push(...lineProblems);
      return;
    }
    const lineHash = hash(line.idNumber);
    const repeatOf = firstLineOf.get(lineHash);
    if (repeatOf === undefined) {
      firstLineOf.set(lineHash, row);
      lines.push({ row, hash: lineHash, line });
    } else {
      problems.push({ row, path: 'idNumber', message: `repeats the number on line ${repeatOf}` });
      lines.push({ row, hash: lineHash, line, repeatOf });
    }
  });
  return { lines, problems };
}
