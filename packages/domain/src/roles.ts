/** The role keys of DOMAIN.md §1, as carried in a token's `role` claim. */
export const ROLES = [
  'dst_admin',
  'committee_office',
  'recommender',
  'supporting_unit',
  'co_builder',
  'construction_unit',
  'expert',
  'evaluator',
  'agency',
] as const;

export type Role = (typeof ROLES)[number];

/**
 * Who may drive a transition: a signed-in role, an anonymous member of the public (objections
 * during 公示), or the platform itself when a deadline falls due.
 */
export type Actor = Role | 'public' | 'system';

/** Whether a string is one of the role keys. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
