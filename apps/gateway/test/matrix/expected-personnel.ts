import { each, notFound, ok, refused, type Row, seen, unseen, UNITS } from './outcomes';

const READERS = [
  'dst_admin',
  'committee_office',
  'recommender',
  'supporting_unit',
  'co_builder',
  'construction_unit',
] as const;
const REGISTRARS = ['supporting_unit', 'construction_unit', 'dst_admin'] as const;
const MANAGING = ['supporting_unit', 'construction_unit'] as const;
const CHECKERS = ['dst_admin', 'recommender', 'supporting_unit', 'construction_unit'] as const;

/** The personnel service's routes: people, platforms, appointments, committees, compliance, roster checks. */
export const PERSONNEL_ROWS: Readonly<Record<string, Row>> = {
  'GET /api/v1/people': { roles: READERS, owner: each(READERS, seen), foreign: each(UNITS, unseen) },
  'GET /api/v1/people/{id}': { roles: READERS, owner: each(READERS, ok()), foreign: each(UNITS, notFound('person')) },
  'POST /api/v1/people': {
    roles: REGISTRARS,
    owner: each(REGISTRARS, ok(201)),
    foreign: each(MANAGING, refused(409, 'person.already_registered')),
  },
  'PUT /api/v1/people/{id}': {
    roles: REGISTRARS,
    owner: {
      dst_admin: ok(),
      supporting_unit: ok(),
      construction_unit: refused(403, 'person.corrected_by_employer'),
    },
    foreign: each(MANAGING, notFound('person')),
  },
  'POST /api/v1/people/{id}/identity-reads': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'GET /api/v1/identity-reads': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'GET /api/v1/platforms': { roles: READERS, owner: each(READERS, seen), foreign: each(UNITS, unseen) },
  'GET /api/v1/platforms/{id}': {
    roles: READERS,
    owner: each(READERS, ok()),
    // The platform is the owner's center (A15–A17 make it a center in personnel).
    foreign: each(UNITS, notFound('center')),
  },
  'POST /api/v1/platforms': { roles: ['dst_admin'], owner: { dst_admin: ok(201) } },
  'POST /api/v1/platforms/{id}/roster': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'GET /api/v1/appointments': { roles: READERS, owner: each(READERS, seen), foreign: each(UNITS, unseen) },
  'GET /api/v1/appointments/{id}': {
    roles: READERS,
    owner: each(READERS, ok()),
    foreign: each(UNITS, notFound('appointment')),
  },
  'POST /api/v1/appointments': {
    roles: MANAGING,
    owner: each(MANAGING, ok(201)),
    foreign: {
      supporting_unit: refused(404, 'person.not_found'),
      construction_unit: notFound('platform'),
    },
  },
  'POST /api/v1/appointments/{id}/waivers': {
    roles: ['dst_admin'],
    owner: { dst_admin: ok(201) },
  },
  'POST /api/v1/appointments/{id}/filing': {
    roles: ['supporting_unit'],
    owner: { supporting_unit: ok() },
    foreign: { supporting_unit: notFound('appointment') },
  },
  'POST /api/v1/appointments/{id}/end': {
    roles: MANAGING,
    owner: each(MANAGING, ok()),
    foreign: each(MANAGING, notFound('appointment')),
  },
  'GET /api/v1/centers/{centerId}/committees/{kind}': {
    roles: READERS,
    owner: each(READERS, ok()),
    foreign: each(UNITS, notFound('center')),
  },
  'PUT /api/v1/centers/{centerId}/committees/{kind}': {
    roles: ['supporting_unit'],
    owner: { supporting_unit: ok() },
    foreign: { supporting_unit: notFound('center') },
  },
  'POST /api/v1/centers/{centerId}/committees/{kind}/meetings': {
    roles: ['supporting_unit'],
    owner: { supporting_unit: ok(201) },
    foreign: { supporting_unit: notFound('center') },
  },
  'GET /api/v1/centers/{centerId}/compliance': {
    roles: READERS,
    owner: each(READERS, ok()),
    foreign: each(UNITS, notFound('center')),
  },
  'POST /api/v1/centers/{centerId}/waivers': { roles: ['dst_admin'], owner: { dst_admin: ok(201) } },
  'POST /api/v1/roster-checks': {
    roles: CHECKERS,
    owner: each(CHECKERS, ok()),
    foreign: {
      recommender: refused(403, 'roster.platform_required'),
      ...each(MANAGING, refused(403, 'roster.own_platforms_only')),
    },
  },
};
