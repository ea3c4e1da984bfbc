import { ROLES } from '@tic/domain';

import { each, notFound, ok, refused, type Row, seen, UNITS, unseen } from './outcomes';

const NOT_SEEN = notFound('round');
const OWNER_READERS = ['dst_admin', ...UNITS] as const;
// Neither the office, an expert nor an agency not entrusted with the center sees it (A29).
const OUTSIDERS = ['committee_office', 'expert', 'evaluator', 'agency'] as const;
const READ: Row = {
  roles: ROLES,
  owner: { ...each(OWNER_READERS, ok()), ...each(OUTSIDERS, NOT_SEEN) },
  foreign: each([...UNITS, 'expert', 'evaluator', 'agency'], NOT_SEEN),
};

/** Evaluation rounds (A28–A30), in calling order: open, reads, entrust, score, decline, grade, publish. */
export const ROUND_ROWS: Readonly<Record<string, Row>> = {
  'POST /api/v1/evaluation-rounds': { roles: ['dst_admin'], owner: { dst_admin: ok(201) } },
  // A29: neither the owner's evaluator (related to the center, so never entrusted) nor a foreign one sees it.
  'GET /api/v1/evaluation-rounds': {
    roles: ['dst_admin', 'evaluator'],
    owner: { dst_admin: seen, evaluator: unseen },
    foreign: { evaluator: unseen },
  },
  'GET /api/v1/evaluation-rounds/statistics': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'PUT /api/v1/evaluation-rounds/agency-relations': {
    roles: ['evaluator'],
    owner: { evaluator: ok() },
    foreign: { evaluator: ok() },
  },
  'GET /api/v1/evaluation-rounds/{id}': READ,
  'GET /api/v1/evaluation-rounds/{roundId}/centers/{centerId}': READ,
  'GET /api/v1/evaluation-rounds/{id}/scores': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/evaluation-rounds/{id}/entrustments': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/evaluation-rounds/{roundId}/centers/{centerId}/scores': {
    roles: ['evaluator'],
    owner: { evaluator: NOT_SEEN },
    foreign: { evaluator: NOT_SEEN },
  },
  'POST /api/v1/evaluation-rounds/{roundId}/centers/{centerId}/submission': {
    roles: ['evaluator'],
    owner: { evaluator: NOT_SEEN },
    foreign: { evaluator: NOT_SEEN },
  },
  'POST /api/v1/evaluation-rounds/{roundId}/centers/{centerId}/decline': {
    roles: ['supporting_unit'],
    owner: { supporting_unit: ok() },
    foreign: { supporting_unit: NOT_SEEN },
  },
  'POST /api/v1/evaluation-rounds/{id}/grading': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/evaluation-rounds/{id}/grades': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/evaluation-rounds/{id}/publication': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'GET /api/v1/centers/{centerId}/evaluations': {
    roles: ['dst_admin', 'committee_office', ...UNITS],
    owner: each(['dst_admin', 'committee_office', ...UNITS], ok()),
    foreign: each(UNITS, notFound('center')),
  },
  'GET /api/v1/public/evaluation-rounds/{id}': { roles: 'public', anonymous: refused(400, 'invalid_input') },
};
