/** Kinds of organization the platform registers (A3, A7). */
export const ORGANIZATION_KINDS = [
  'enterprise',
  'university',
  'research_institute',
  'new_rnd_institution',
  'government_department',
  'other',
] as const;

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** A3: the kinds of independent legal person a center may be built on. */
export const SUPPORTING_UNIT_KINDS: readonly OrganizationKind[] = [
  'enterprise',
  'university',
  'research_institute',
  'new_rnd_institution',
];
