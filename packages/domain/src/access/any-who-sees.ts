import type { Grants } from './access-rules';

/** Every role that sees the resource; the lifecycle's transition table then decides the step (A13, A15, A27). */
export const ANY_WHO_SEES: Grants = {
  dst_admin: 'any',
  committee_office: 'any',
  recommender: 'any',
  supporting_unit: 'any',
  co_builder: 'any',
  construction_unit: 'any',
  expert: 'any',
  evaluator: 'any',
};
