import type { Role } from '@tic/domain';

import { AGENCY_NATS_ROWS } from './expected-agency-nats';
import { APPLICATION_ROWS } from './expected-applications';
import { FUNDING_ROWS } from './expected-funding';
import { INBOX_ROWS } from './expected-inbox';
import { PERSONNEL_ROWS } from './expected-personnel';
import { PUBLIC_RECORD_ROWS } from './expected-public-record';
import { RECTIFICATION_ROWS } from './expected-rectifications';
import { REPORT_ROWS } from './expected-reports';
import { REVOCATION_ROWS } from './expected-revocation';
import { ROUND_ROWS } from './expected-rounds';
import { WEBHOOK_ROWS } from './expected-webhooks';
import { AUTHORITIES, MISFIT, type Outcome, ROLE_NOT_ADMITTED, type Row } from './outcomes';
import type { Side } from './worlds';

export type { Outcome, Row } from './outcomes';

/**
 * Every route of /docs-json, in the order the matrix calls them (reads before the writes that change their data).
 */
export const EXPECTED: Readonly<Record<string, Row>> = {
  ...APPLICATION_ROWS,
  ...PERSONNEL_ROWS,
  ...REVOCATION_ROWS,
  ...RECTIFICATION_ROWS,
  ...PUBLIC_RECORD_ROWS,
  ...ROUND_ROWS,
  ...REPORT_ROWS,
  ...AGENCY_NATS_ROWS,
  ...WEBHOOK_ROWS,
  ...FUNDING_ROWS,
  ...INBOX_ROWS,
};

/** The outcome of one cell; undefined where the table lacks one (the suite then fails, naming it). */
export function expectedOutcome(row: Row, side: Side, role: Role): Outcome | undefined {
  if (side === 'foreign' && AUTHORITIES.includes(role)) return MISFIT;
  if (row.roles === 'public' || !row.roles.includes(role)) return ROLE_NOT_ADMITTED;
  return row[side]?.[role];
}
