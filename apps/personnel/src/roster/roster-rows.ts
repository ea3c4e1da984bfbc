import { isValidIsoDate, validateResidentId } from '@tic/domain';

/** A roster line that could not be read; it names the field, never its value. */
export interface RowProblem {
  readonly row: number;
  readonly path: string;
  readonly message: string;
}

const ID_NUMBER_PROBLEMS = {
  format: 'is not an 18-character resident ID number',
  region: 'does not start with a known administrative division code',
  birth_date: 'does not contain a real birth date',
  check_digit: 'has a wrong check character',
} as const;

/**
 * Checks one line's name and resident ID number (and any dates given) and returns what is wrong
 * with it; an upload of thousands of lines reports every bad line instead of failing whole.
 */
export function rowProblems(row: number, line: { name: string; idNumber: string; startsOn?: string }, today: string): RowProblem[] {
  const problems: RowProblem[] = [];
  if (line.name.trim().length === 0 || line.name.trim().length > 50) problems.push({ row, path: 'name', message: 'must be a name of 1 to 50 characters' });
  const { valid, reason } = validateResidentId(line.idNumber, today);
  if (!valid) problems.push({ row, path: 'idNumber', message: ID_NUMBER_PROBLEMS[reason ?? 'format'] });
  if (line.startsOn !== undefined && !isValidIsoDate(line.startsOn)) problems.push({ row, path: 'startsOn', message: 'must be a real date written as YYYY-MM-DD' });
  return problems;
}
