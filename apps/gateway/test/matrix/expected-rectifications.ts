import { each, notFound, ok, type Row, seen, unseen, UNITS } from './outcomes';

const READERS = ['dst_admin', 'committee_office', ...UNITS, 'expert'] as const;
const FOREIGN_READERS = [...UNITS, 'expert'] as const;

/**
 * A30: a rectification and its acceptance. In calling order: reads (of the one before DST's decision,
 * whose experts include the owner expert), the construction unit's request, the units' steps, DST's
 * draw, the owner expert's score, DST's decision.
 */
export const RECTIFICATION_ROWS: Readonly<Record<string, Row>> = {
  'GET /api/v1/rectifications': {
    roles: READERS,
    owner: each(READERS, seen),
    foreign: each(FOREIGN_READERS, unseen),
  },
  'GET /api/v1/rectifications/{id}': {
    roles: READERS,
    owner: each(READERS, ok()),
    foreign: each(FOREIGN_READERS, notFound('rectification')),
  },
  'PUT /api/v1/rectifications/{id}/request': {
    roles: ['construction_unit'],
    owner: { construction_unit: ok() },
    foreign: { construction_unit: notFound('rectification') },
  },
  'POST /api/v1/rectifications/{id}/transitions': {
    roles: ['construction_unit', 'supporting_unit', 'recommender'],
    owner: each(['construction_unit', 'supporting_unit', 'recommender'], ok()),
    foreign: each(['construction_unit', 'supporting_unit', 'recommender'], notFound('rectification')),
  },
  'POST /api/v1/rectifications/{id}/experts': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/rectifications/{id}/scores': {
    roles: ['expert'],
    owner: { expert: ok() },
    foreign: { expert: notFound('rectification') },
  },
  'POST /api/v1/rectifications/{id}/decision': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
};
