import { each, notFound, ok, type Row, seen, unseen } from './outcomes';

// DOMAIN.md §1: an agency reads no center's funds (it learns of allocations from tic.funding.* events), so
// every read here refuses it by role (403 auth.role_not_allowed), as it is not in any row's roles.
const READERS = ['dst_admin', 'committee_office', 'recommender', 'supporting_unit', 'construction_unit'] as const;
const CENTER_READERS = READERS;
const FOREIGN_UNITS = ['recommender', 'supporting_unit', 'construction_unit'] as const;
const NO_ALLOCATION = notFound('allocation');

/** A read of the owner's allocation: a unit of another center does not learn it exists. */
const READ: Row = {
  roles: READERS,
  owner: each(READERS, ok()),
  foreign: each(FOREIGN_UNITS, NO_ALLOCATION),
};
// The ledger is seen as its allocation is: another center's supporting unit does not learn it exists.
const NO_LEDGER = notFound('ledger_entry');
const BY_SUPPORTING_UNIT = (status: number, unseen = NO_LEDGER): Row => ({
  roles: ['supporting_unit'],
  owner: { supporting_unit: ok(status) },
  foreign: { supporting_unit: unseen },
});
const BY_DST = (status: number): Row => ({ roles: ['dst_admin'], owner: { dst_admin: ok(status) } });

/**
 * A32–A36: provincial funds, seen as their center is. In calling order: reads, then DST's allocation, the
 * supporting unit's ledger and sources, the year end and its evaluation, a misuse finding.
 */
export const FUNDING_ROWS: Readonly<Record<string, Row>> = {
  'GET /api/v1/allocations': {
    roles: READERS,
    owner: each(READERS, seen),
    foreign: each(FOREIGN_UNITS, unseen),
  },
  'GET /api/v1/allocations/{id}': READ,
  'GET /api/v1/allocations/{id}/ledger': {
    roles: CENTER_READERS,
    owner: each(CENTER_READERS, seen),
    foreign: each(FOREIGN_UNITS, NO_LEDGER),
  },
  // The template is read as its allocation is.
  'GET /api/v1/allocations/{id}/ledger/template.xlsx': {
    roles: CENTER_READERS,
    owner: each(CENTER_READERS, ok()),
    foreign: each(FOREIGN_UNITS, NO_ALLOCATION),
  },
  'GET /api/v1/centers/{centerId}/funding-sources': {
    roles: CENTER_READERS,
    owner: each(CENTER_READERS, ok()),
    foreign: each(FOREIGN_UNITS, notFound('funding_source')),
  },
  // Rates over what the caller sees: a foreign unit's rows leave the owner's center out.
  'GET /api/v1/funding/execution': { roles: READERS, owner: each(READERS, ok()), foreign: each(READERS, ok()) },
  'GET /api/v1/misuse-findings': {
    roles: CENTER_READERS,
    owner: each(CENTER_READERS, ok()),
    foreign: each(FOREIGN_UNITS, ok()),
  },
  'GET /api/v1/policy-support-proposals': {
    roles: CENTER_READERS,
    owner: each(CENTER_READERS, ok()),
    foreign: each(FOREIGN_UNITS, ok()),
  },
  'POST /api/v1/allocations': BY_DST(201),
  'POST /api/v1/allocations/{id}/ledger': BY_SUPPORTING_UNIT(201),
  'POST /api/v1/allocations/{id}/ledger/import': BY_SUPPORTING_UNIT(200),
  'POST /api/v1/allocations/{id}/ledger/{entryId}/reversal': BY_SUPPORTING_UNIT(201),
  'PUT /api/v1/centers/{centerId}/funding-sources/{year}': {
    roles: ['supporting_unit'],
    owner: { supporting_unit: ok() },
    foreign: { supporting_unit: notFound('funding_source') },
  },
  'POST /api/v1/allocations/{id}/self-evaluation': BY_SUPPORTING_UNIT(200, NO_ALLOCATION),
  'POST /api/v1/allocations/{id}/rating': BY_DST(200),
  'POST /api/v1/allocations/{id}/close-year': BY_DST(200),
  'POST /api/v1/allocations/{id}/misuse-findings': BY_DST(201),
  // The matrix's center holds no excellent grade, so there is no proposal to decline: the refusal is DST's own.
  'POST /api/v1/policy-support-proposals/{id}/decline': {
    roles: ['dst_admin'],
    owner: { dst_admin: notFound('funding_proposal') },
  },
};
