import type { Role } from '@tic/domain';

/**
 * What one caller gets from one route: the status, the problem's stable `code` for a refusal, and for a
 * list whether the owner's resource is in it.
 */
export interface Outcome {
  readonly status: number;
  readonly code?: string;
  readonly listed?: boolean;
}

/**
 * A route's row: the roles it admits (its `x-roles`), and for each admitted role the outcome on the
 * owner's side (the owner unit of that role, or the fitting organization: DST, the office) and on the
 * foreign side (a unit of that role with nothing to do with the owner's resources). A role the route does
 * not admit is refused by the gateway, alike on both sides.
 */
export interface Row {
  readonly roles: readonly Role[] | 'public';
  readonly owner?: Partial<Record<Role, Outcome>>;
  readonly foreign?: Partial<Record<Role, Outcome>>;
  /** For a public route: what an anonymous caller gets. */
  readonly anonymous?: Outcome;
}

export const ROLE_NOT_ADMITTED: Outcome = { status: 403, code: 'auth.role_not_allowed' };
// DOMAIN.md §1: DST and the committee office are one organization each; their role held elsewhere is refused.
export const MISFIT: Outcome = { status: 403, code: 'auth.role_does_not_fit_organization' };
export const AUTHORITIES: readonly Role[] = ['dst_admin', 'committee_office'];
/** The roles of units, each seeing what its organization is tied to. */
export const UNITS = ['recommender', 'supporting_unit', 'co_builder', 'construction_unit'] as const;

/** Helpers to write the rows. */
export const ok = (status = 200): Outcome => ({ status });
export const seen: Outcome = { status: 200, listed: true };
export const unseen: Outcome = { status: 200, listed: false };
export const notFound = (kind: string): Outcome => ({ status: 404, code: `${kind}.not_found` });
export const refused = (status: number, code: string): Outcome => ({ status, code });
export const each = (roles: readonly Role[], outcome: Outcome): Partial<Record<Role, Outcome>> =>
  Object.fromEntries(roles.map((role) => [role, outcome]));
