import type { Role } from '@tic/domain';

import { APPLICATION_ROWS } from './expected-applications';
import { PERSONNEL_ROWS } from './expected-personnel';
import { AUTHORITIES, MISFIT, type Outcome, ROLE_NOT_ADMITTED, type Row } from './outcomes';
import type { Side } from './worlds';

export type { Outcome, Row } from './outcomes';

/**
 * Every route of /docs-json, in the order the matrix calls them (reads before the writes that change their data).
 *
 * `fixedBy: 'people'` (see `Outcome`) marks a cell whose outcome the `people` branch brings: appointing a
 * person the caller cannot see (404 person.not_found), roster checks without a platform or of another's
 * (403 roster.platform_required, roster.own_platforms_only), registering a known number (409
 * person.already_registered), corrections by a non-employer (403 person.corrected_by_employer). Such a cell
 * runs in an `it.failing` test until that branch is merged; then the suite fails there until the mark goes.
 */
export const EXPECTED: Readonly<Record<string, Row>> = { ...APPLICATION_ROWS, ...PERSONNEL_ROWS };

/** The outcome of one cell; undefined where the table lacks one (the suite then fails, naming it). */
export function expectedOutcome(row: Row, side: Side, role: Role): Outcome | undefined {
  if (side === 'foreign' && AUTHORITIES.includes(role)) return MISFIT;
  if (row.roles === 'public' || !row.roles.includes(role)) return ROLE_NOT_ADMITTED;
  return row[side]?.[role];
}
