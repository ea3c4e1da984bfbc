import { ROLES, type Role } from '@tic/domain';

/** Who reads applications (the service narrows each to its scope); evaluators work on centers only, agencies on events. */
export const APPLICATION_READERS: readonly Role[] = ROLES.filter((role) => role !== 'evaluator' && role !== 'agency');

/** Who reads people, platforms, appointments, committees and compliance (the service narrows each to its scope). */
export const PERSONNEL_READERS: readonly Role[] = [
  'dst_admin',
  'committee_office',
  'recommender',
  'supporting_unit',
  'co_builder',
  'construction_unit',
];

/** Who registers people and corrects their records: their employers' sides, and DST. */
export const PERSON_REGISTRARS: readonly Role[] = ['supporting_unit', 'construction_unit', 'dst_admin'];

/** Who appoints staff to a center and ends their appointments. */
export const APPOINTING_UNITS: readonly Role[] = ['supporting_unit', 'construction_unit'];

/** A26: who moves a center's change report: the construction unit, the supporting unit, the recommender, DST. */
export const CHANGE_ACTORS: readonly Role[] = ['construction_unit', 'supporting_unit', 'recommender', 'dst_admin'];

/** A30: who reads rectifications (the service narrows each to its scope; an expert sees those drawn for them). */
export const RECTIFICATION_READERS: readonly Role[] = ROLES.filter((role) => role !== 'evaluator' && role !== 'agency');

/** A30: who moves an acceptance request on: the construction unit, then the supporting unit and the recommender. */
export const RECTIFICATION_ACTORS: readonly Role[] = ['construction_unit', 'supporting_unit', 'recommender'];
/** A27: who reads annual reports (the service narrows each to the centers the caller sees). */
export const REPORT_READERS: readonly Role[] = PERSONNEL_READERS;

/** A30: who reads a center's published evaluations (the service narrows each to the centers the caller sees). */
export const EVALUATION_HISTORY_READERS: readonly Role[] = REPORT_READERS;

/** A27: who moves an annual report: the construction unit submits, the supporting unit and the recommender review. */
export const REPORT_ACTORS: readonly Role[] = ['construction_unit', 'supporting_unit', 'recommender'];

/**
 * A32–A36: who reads a center's allocations, execution rates, ledger, other sources, misuse findings and
 * proposals (the service narrows each to the centers the caller sees): DST, the office and the center's own
 * units and recommender. An agency learns of allocations from tic.funding.* events (DOMAIN.md §1).
 */
export const CENTER_FUNDS_READERS: readonly Role[] = [
  'dst_admin',
  'committee_office',
  'recommender',
  'supporting_unit',
  'construction_unit',
];
