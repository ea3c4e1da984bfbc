import { each, notFound, ok, type Row, seen, unseen, UNITS } from './outcomes';

const READERS = ['dst_admin', 'committee_office', ...UNITS] as const;

/**
 * A31, A33, A12: a center's standing. In calling order: reads, then the owner's center given up and
 * its cases answered, confirmed, dismissed, decided (revoked) and filed; the preparing center's
 * preparation ends before it graduates.
 */
export const REVOCATION_ROWS: Readonly<Record<string, Row>> = {
  'GET /api/v1/revocations': { roles: READERS, owner: each(READERS, seen), foreign: each(UNITS, unseen) },
  'GET /api/v1/revocations/{id}': {
    roles: READERS,
    owner: each(READERS, ok()),
    foreign: each(UNITS, notFound('revocation')),
  },
  'POST /api/v1/revocations': { roles: ['dst_admin'], owner: { dst_admin: ok(201) } },
  'POST /api/v1/centers/{id}/give-up': {
    roles: ['supporting_unit'],
    owner: { supporting_unit: ok(201) },
    foreign: { supporting_unit: notFound('center') },
  },
  'POST /api/v1/revocations/{id}/answer-period': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/revocations/{id}/answer': {
    roles: ['supporting_unit'],
    owner: { supporting_unit: ok() },
    foreign: { supporting_unit: notFound('revocation') },
  },
  'POST /api/v1/revocations/{id}/confirm': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/revocations/{id}/dismiss': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/revocations/{id}/decide': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/revocations/{id}/filing': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/centers/{id}/preparation-end': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/centers/{id}/graduation': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'POST /api/v1/centers/existing': { roles: ['dst_admin'], owner: { dst_admin: ok(201) } },
};
