import { RpcFailure } from '@tic/platform';

/** The dates of an A15 decision on a director, as a request states them. */
export interface DirectorDecisionDates {
  readonly decidedOn?: string | undefined;
  readonly committeeReviewedOn?: string | undefined;
}

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * A15: a director is appointed or their post ended (聘任与调整) by the supporting unit's decision after
 * the management committee's review. Both dates are required, the review comes on or before the
 * decision, and a decision is recorded once it is taken: not in the future (the filing period starts from it).
 */
export function directorDecisionProblems(dates: DirectorDecisionDates, today: string, what: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (dates.decidedOn === undefined)
    problems.push({
      path: 'decidedOn',
      message: `is required to ${what} (A15 第十五条: the supporting unit’s decision starts the filing period)`,
    });
  else if (dates.decidedOn > today)
    problems.push({
      path: 'decidedOn',
      message: `must not be in the future, after ${today} (A15 第十五条: a decision is recorded once taken)`,
    });
  if (dates.committeeReviewedOn === undefined)
    problems.push({
      path: 'committeeReviewedOn',
      message: `is required to ${what} (A15 第十五条: the management committee reviews it)`,
    });
  else if (dates.decidedOn !== undefined && dates.committeeReviewedOn > dates.decidedOn)
    problems.push({
      path: 'committeeReviewedOn',
      message: 'must not be after decidedOn (A15 第十五条: the committee reviews before the unit decides)',
    });
  return problems;
}

/** Refuses a director decision whose dates break A15, naming each field. */
export function assertDirectorDecision(dates: DirectorDecisionDates, today: string, what: string): void {
  const problems = directorDecisionProblems(dates, today, what);
  if (problems.length > 0) throw RpcFailure.invalidInput(problems);
}
