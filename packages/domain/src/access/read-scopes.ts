import type { ApplicationStatus } from '../lifecycle/application-lifecycle';
import type { Role } from '../roles';
import type { ResourceKind, ScopeField } from './access-types';

/** How one role sees one kind: everything, nothing, those in some statuses, or what one of the fields ties to it. */
export type ReadGrant = 'all' | 'none' | { readonly statuses: readonly string[] } | readonly ScopeField[];

// DOMAIN.md §1: the committee office sees what is filed with it, not applications before approval (A13(四)).
const APPROVED: { readonly statuses: readonly ApplicationStatus[] } = { statuses: ['approved', 'filed'] };

const UNIT_FIELDS = {
  supporting_unit: ['supportingUnitId'],
  construction_unit: ['constructionUnitId'],
  recommender: ['recommenderId'],
  co_builder: ['coBuilderIds'],
} as const satisfies Partial<Record<Role, readonly ScopeField[]>>;

/** DOMAIN.md §1: DST and the committee office see every center; a unit its own; a recommender its jurisdiction. */
const CENTER_LIKE: Record<Role, ReadGrant> = {
  dst_admin: 'all',
  committee_office: 'all',
  ...UNIT_FIELDS,
  // An evaluator will see the centers assigned to it (A29) once evaluations exist; an expert none.
  expert: 'none',
  evaluator: 'none',
  // DOMAIN.md §1: an agency reads events and the public record, no center's files.
  agency: 'none',
};

const EVERYONE: Record<Role, ReadGrant> = {
  dst_admin: 'all',
  committee_office: 'all',
  recommender: 'all',
  supporting_unit: 'all',
  co_builder: 'all',
  construction_unit: 'all',
  expert: 'all',
  evaluator: 'all',
  agency: 'all',
};

// DOMAIN.md §7: every organization reads its own inbox and email settings, and no other's (DST included).
const OWN_ORGANIZATION: Record<Role, ReadGrant> = {
  dst_admin: ['recipientOrgId'],
  committee_office: ['recipientOrgId'],
  recommender: ['recipientOrgId'],
  supporting_unit: ['recipientOrgId'],
  co_builder: ['recipientOrgId'],
  construction_unit: ['recipientOrgId'],
  expert: ['recipientOrgId'],
  evaluator: ['recipientOrgId'],
  agency: ['recipientOrgId'],
};

const DST_AND_OFFICE: Record<Role, ReadGrant> = {
  dst_admin: 'all',
  committee_office: 'all',
  recommender: 'none',
  supporting_unit: 'none',
  co_builder: 'none',
  construction_unit: 'none',
  expert: 'none',
  evaluator: 'none',
  agency: 'none',
};

/**
 * A32–A36: a center's provincial funds are seen by DST and the committee office, and by the center's own
 * supporting unit, construction unit and recommender; a co-building unit, experts and evaluators none.
 */
const CENTER_FUNDS: Record<Role, ReadGrant> = {
  ...CENTER_LIKE,
  co_builder: 'none',
};

/**
 * Who sees what, per kind and role: the list scope of a kind, and the test a single read must pass.
 * A person is also seen by whoever sees a platform they serve (see `servedPlatforms`).
 */
export const READ_SCOPES: Record<ResourceKind, Record<Role, ReadGrant>> = {
  // An expert sees the applications drawn for them (A13 expert review); an evaluator none.
  application: { ...CENTER_LIKE, committee_office: APPROVED, expert: ['assignedUserIds'] },
  center: CENTER_LIKE,
  // A26: a center's change requests are seen by whoever sees the center (their facts are the center's).
  change: CENTER_LIKE,
  platform: CENTER_LIKE,
  appointment: CENTER_LIKE,
  committee: CENTER_LIKE,
  compliance: CENTER_LIKE,
  roster: CENTER_LIKE,
  // A unit sees those it employs or registered; a recommender only those serving in its jurisdiction.
  person: {
    ...CENTER_LIKE,
    supporting_unit: ['employerOrgId', 'registeredByOrgId'],
    construction_unit: ['employerOrgId', 'registeredByOrgId'],
    co_builder: ['employerOrgId', 'registeredByOrgId'],
    recommender: [],
  },
  review: { ...DST_AND_OFFICE, committee_office: 'none', expert: ['assignedUserIds'] },
  objection: DST_AND_OFFICE,
  // The pool is DST's (expert.register, expert.list); that an expert exists is no secret.
  expert: EVERYONE,
  call: EVERYONE,
  notice: EVERYONE,
  organization: EVERYONE,
  calendar: EVERYONE,
  // That a service keeps a journal is no secret; reading it is `journal.read` (DST and the committee office).
  journal: EVERYONE,
  // A31: a case is seen as its center is (its units answer it; the committee office receives the filing).
  revocation: CENTER_LIKE,
  // A30: a rectification is seen as its center is; an expert sees the acceptance drawn for them.
  rectification: { ...CENTER_LIKE, expert: ['assignedUserIds'] },
  // A28, A29: DST sees every round; an agency the centers entrusted to it; a center's units and its
  // recommender their center's entry; the committee office none (the published result is public).
  round: { ...CENTER_LIKE, committee_office: 'none', evaluator: ['entrustedAgencyId'] },
  // A27: an annual report is seen as its center is (its units write and review it; the office reads it).
  report: CENTER_LIKE,
  // A27: a major achievement goes through the supporting unit to DST; the center's units see their own.
  achievement: CENTER_LIKE,
  // That the platform has a feed is no secret; reading it is `event_feed.read`.
  event_feed: EVERYONE,
  // CONTRACT.md (Events, way 2): DST gives agencies their NATS users; nobody else sees them (a hash is still a secret).
  agency_nats_user: {
    dst_admin: 'all',
    committee_office: 'none',
    recommender: 'none',
    supporting_unit: 'none',
    co_builder: 'none',
    construction_unit: 'none',
    expert: 'none',
    evaluator: 'none',
    agency: 'none',
  },
  // CONTRACT.md (Events, way 1): an agency sees the webhooks it registered; DST every agency's.
  webhook_subscription: { ...DST_AND_OFFICE, committee_office: 'none', agency: ['registeredByOrgId'] },
  notification: OWN_ORGANIZATION,
  email_settings: OWN_ORGANIZATION,
  // DOMAIN.md §1: an agency (the finance department's systems, a city bureau) learns of allocations through
  // its subscription to tic.funding.* events, never by reading a center's budget, targets or rating.
  allocation: CENTER_FUNDS,
  ledger_entry: CENTER_FUNDS,
  funding_source: CENTER_FUNDS,
  misuse_finding: CENTER_FUNDS,
  // A30, A33: a proposal of policy support waits for DST's decision; the center's units follow it.
  funding_proposal: CENTER_FUNDS,
};
