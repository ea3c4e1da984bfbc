import type { Role } from '@tic/domain';

/** Who reads applications (the service narrows each to its scope); evaluators work on centers only. */
export const APPLICATION_READERS: readonly Role[] = [
  'dst_admin',
  'committee_office',
  'recommender',
  'supporting_unit',
  'co_builder',
  'construction_unit',
  'expert',
];
