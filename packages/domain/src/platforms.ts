/**
 * A18: the provincial S&T innovation platforms (省级科技创新平台基地) across which a fixed staff
 * member may serve in one only. TICs come from the center registry; the others are registered by DST.
 */
export const PLATFORM_KINDS = [
  'technology_innovation_center',
  'key_laboratory',
  'engineering_research_center',
  'enterprise_technology_center',
  'new_rnd_institution',
  'other',
] as const;
export type PlatformKind = (typeof PLATFORM_KINDS)[number];

/** The kinds DST registers or imports; TICs enter the registry only through approval. */
export const REGISTERED_PLATFORM_KINDS = PLATFORM_KINDS.filter(
  (kind): kind is Exclude<PlatformKind, 'technology_innovation_center'> => kind !== 'technology_innovation_center',
);

/** A platform that no longer exists as a provincial platform holds no one to the one-platform rule. */
export const PLATFORM_STATUSES = ['active', 'closed'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];
