import { each, notFound, ok, refused, type Row, seen, unseen, UNITS } from './outcomes';

const READERS = [
  'dst_admin',
  'committee_office',
  'recommender',
  'supporting_unit',
  'co_builder',
  'construction_unit',
  'expert',
] as const;
const SIGNED_IN = [...READERS, 'evaluator', 'agency'] as const;
const OWNERS = ['dst_admin', 'committee_office', ...UNITS] as const;
const CHANGE_ACTORS = ['construction_unit', 'supporting_unit', 'recommender', 'dst_admin'] as const;

/** The applications service's routes: applications, reviews, calls, notices, objections, units, calendar, centers. */
export const APPLICATION_ROWS: Readonly<Record<string, Row>> = {
  'GET /api/v1/applications': {
    roles: READERS,
    owner: each(READERS, seen),
    foreign: each([...UNITS, 'expert'], unseen),
  },
  'GET /api/v1/applications/export': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'GET /api/v1/applications/{id}': {
    roles: READERS,
    owner: each(READERS, ok()),
    foreign: each([...UNITS, 'expert'], notFound('application')),
  },
  'GET /api/v1/applications/{id}/review': {
    roles: ['dst_admin', 'expert'],
    owner: { dst_admin: ok(), expert: ok() },
    foreign: { expert: notFound('application') },
  },
  'POST /api/v1/applications': {
    roles: ['construction_unit'],
    owner: { construction_unit: ok(201) },
    foreign: { construction_unit: refused(403, 'application.supporting_unit_not_own') },
  },
  'PUT /api/v1/applications/{id}': {
    roles: ['construction_unit'],
    owner: { construction_unit: ok() },
    foreign: { construction_unit: notFound('application') },
  },
  'POST /api/v1/applications/{id}/transitions': {
    roles: SIGNED_IN,
    owner: {
      ...each(
        ['dst_admin', 'recommender', 'supporting_unit', 'co_builder'],
        refused(403, 'lifecycle.role_not_allowed'),
      ),
      ...each(['committee_office', 'expert', 'evaluator', 'agency'], notFound('application')),
      construction_unit: ok(),
    },
    foreign: each([...UNITS, 'expert', 'evaluator', 'agency'], notFound('application')),
  },
  'POST /api/v1/applications/{id}/co-builders/confirm': {
    roles: ['supporting_unit'],
    owner: { supporting_unit: ok() },
    foreign: { supporting_unit: notFound('application') },
  },
  'POST /api/v1/applications/{id}/waivers': {
    roles: ['dst_admin'],
    owner: { dst_admin: ok(201) },
  },
  'POST /api/v1/applications/{id}/approval': {
    roles: ['dst_admin'],
    owner: { dst_admin: ok() },
  },
  'POST /api/v1/applications/{id}/review/draw': { roles: ['dst_admin'], owner: { dst_admin: ok(201) } },
  'POST /api/v1/applications/{id}/review/score': {
    roles: ['expert'],
    owner: { expert: ok() },
    foreign: { expert: notFound('application') },
  },
  'POST /api/v1/applications/{id}/review/recusal': {
    roles: ['expert'],
    owner: { expert: refused(409, 'review.recusal_after_scoring') },
    foreign: { expert: notFound('review') },
  },
  'GET /api/v1/calls': { roles: SIGNED_IN, owner: each(SIGNED_IN, seen), foreign: each(SIGNED_IN, seen) },
  'POST /api/v1/calls': { roles: ['dst_admin'], owner: { dst_admin: ok(201) } },
  'POST /api/v1/notices': { roles: ['dst_admin'], owner: { dst_admin: ok(201) } },
  'POST /api/v1/objections': {
    roles: SIGNED_IN,
    // Anyone may object during the notice (DOMAIN.md §7), except the authorities that run and receive it.
    owner: {
      ...each(SIGNED_IN, ok(201)),
      ...each(['dst_admin', 'committee_office'], refused(403, 'lifecycle.role_not_allowed')),
    },
    foreign: each(SIGNED_IN, ok(201)),
  },
  'GET /api/v1/objections': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/objections/{id}/decision': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/experts': { roles: ['dst_admin'], owner: { dst_admin: ok(201) } },
  'GET /api/v1/experts': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/organizations': { roles: ['dst_admin'], owner: { dst_admin: ok(201) } },
  'GET /api/v1/organizations': { roles: SIGNED_IN, owner: each(SIGNED_IN, seen), foreign: each(SIGNED_IN, seen) },
  'GET /api/v1/organizations/{id}': {
    roles: SIGNED_IN,
    owner: each(SIGNED_IN, ok()),
    foreign: each(SIGNED_IN, ok()),
  },
  'GET /api/v1/organizations/{id}/standing': {
    roles: SIGNED_IN,
    owner: each(SIGNED_IN, ok()),
    foreign: each(SIGNED_IN, ok()),
  },
  'POST /api/v1/calendar/years': { roles: ['dst_admin'], owner: { dst_admin: ok(201) } },
  'GET /api/v1/calendar/years': { roles: SIGNED_IN, owner: each(SIGNED_IN, ok()), foreign: each(SIGNED_IN, ok()) },
  'GET /api/v1/centers': {
    roles: SIGNED_IN,
    owner: { ...each(OWNERS, seen), expert: unseen, evaluator: unseen, agency: unseen },
    foreign: each(SIGNED_IN, unseen),
  },
  'GET /api/v1/centers/{id}': {
    roles: SIGNED_IN,
    owner: {
      ...each(OWNERS, ok()),
      expert: notFound('center'),
      evaluator: notFound('center'),
      agency: notFound('center'),
    },
    foreign: each(SIGNED_IN, notFound('center')),
  },
  // A26: a center's change reports, seen by whoever sees the center, written by its construction unit.
  'GET /api/v1/centers/{centerId}/changes': {
    roles: SIGNED_IN,
    owner: {
      ...each(OWNERS, seen),
      expert: notFound('center'),
      evaluator: notFound('center'),
      agency: notFound('center'),
    },
    foreign: each(SIGNED_IN, notFound('center')),
  },
  'GET /api/v1/changes/{id}': {
    roles: SIGNED_IN,
    owner: {
      ...each(OWNERS, ok()),
      expert: notFound('change'),
      evaluator: notFound('change'),
      agency: notFound('change'),
    },
    foreign: each(SIGNED_IN, notFound('change')),
  },
  'POST /api/v1/centers/{centerId}/changes': {
    roles: ['construction_unit'],
    owner: { construction_unit: ok(201) },
    foreign: { construction_unit: notFound('center') },
  },
  'PUT /api/v1/changes/{id}': {
    roles: ['construction_unit'],
    owner: { construction_unit: ok() },
    foreign: { construction_unit: notFound('change') },
  },
  'POST /api/v1/changes/{id}/transitions': {
    roles: CHANGE_ACTORS,
    owner: {
      ...each(['dst_admin', 'recommender', 'supporting_unit'], refused(403, 'lifecycle.role_not_allowed')),
      construction_unit: ok(),
    },
    foreign: each(['recommender', 'supporting_unit', 'construction_unit'], notFound('change')),
  },
  'GET /api/v1/public/notices': { roles: 'public', anonymous: ok() },
  'POST /api/v1/public/objections': { roles: 'public', anonymous: refused(400, 'invalid_input') },
  'GET /health': { roles: 'public', anonymous: ok() },
  'GET /health/ready': { roles: 'public', anonymous: ok() },
  // DOMAIN.md §1: the committee office reads no application before its approval, in the journal neither.
  'GET /api/v1/events/journal': {
    roles: ['dst_admin', 'committee_office'],
    owner: { dst_admin: seen, committee_office: unseen },
  },
  // The feed: the same rule, and an agency reads no application at all.
  'GET /api/v1/events': {
    roles: ['dst_admin', 'committee_office', 'agency'],
    owner: { dst_admin: seen, committee_office: unseen, agency: unseen },
    foreign: { agency: unseen },
  },
};
