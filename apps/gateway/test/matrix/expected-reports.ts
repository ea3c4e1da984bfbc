import { each, notFound, ok, refused, type Row, seen, unseen, UNITS } from './outcomes';

const READERS = ['dst_admin', 'committee_office', ...UNITS] as const;
const REVIEWERS = ['supporting_unit', 'recommender'] as const;

/**
 * A27: annual reports, seen as their center is, written by its construction unit, moved on by the lifecycle.
 * In calling order: reads, then the draft, the edit and the submission.
 */
export const REPORT_ROWS: Readonly<Record<string, Row>> = {
  'GET /api/v1/annual-reports': { roles: READERS, owner: each(READERS, seen), foreign: each(UNITS, unseen) },
  'GET /api/v1/annual-reports/{id}': {
    roles: READERS,
    owner: each(READERS, ok()),
    foreign: each(UNITS, notFound('report')),
  },
  'POST /api/v1/annual-reports': {
    roles: ['construction_unit'],
    owner: { construction_unit: ok(201) },
    foreign: { construction_unit: notFound('center') },
  },
  'PUT /api/v1/annual-reports/{id}': {
    roles: ['construction_unit'],
    owner: { construction_unit: ok() },
    foreign: { construction_unit: notFound('report') },
  },
  'GET /api/v1/annual-reports/{id}/statistics.xlsx': {
    roles: READERS,
    owner: each(READERS, ok()),
    foreign: each(UNITS, notFound('report')),
  },
  'PUT /api/v1/annual-reports/{id}/statistics': {
    roles: ['construction_unit'],
    owner: { construction_unit: ok() },
    foreign: { construction_unit: notFound('report') },
  },
  'POST /api/v1/annual-reports/{id}/personnel-check': {
    roles: ['construction_unit'],
    owner: { construction_unit: ok() },
    foreign: { construction_unit: notFound('report') },
  },
  'POST /api/v1/annual-reports/{id}/transitions': {
    roles: ['construction_unit', ...REVIEWERS],
    owner: { ...each(REVIEWERS, refused(403, 'lifecycle.role_not_allowed')), construction_unit: ok() },
    foreign: each(['construction_unit', ...REVIEWERS], notFound('report')),
  },
  'GET /api/v1/centers/{centerId}/achievements': {
    roles: READERS,
    owner: each(READERS, seen),
    foreign: each(UNITS, notFound('center')),
  },
  'POST /api/v1/centers/{centerId}/achievements': {
    roles: ['supporting_unit'],
    owner: { supporting_unit: ok(201) },
    foreign: { supporting_unit: notFound('center') },
  },
};
