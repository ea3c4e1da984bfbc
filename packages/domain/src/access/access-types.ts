import type { LocalizedText } from '../findings';
import type { Role } from '../roles';

/** Who calls: a signed-in user, their role and the organization the token names. */
export type Principal = { readonly userId: string; readonly role: Role; readonly orgId: string };

/**
 * What a caller acts on. In personnel, a platform that is a Technology Innovation Center is a
 * `center` (A15–A17 give its supporting unit the director and the committees), any other a `platform`.
 */
export const RESOURCE_KINDS = [
  'application',
  'center',
  'change',
  'platform',
  'person',
  'appointment',
  'committee',
  'compliance',
  'review',
  'expert',
  'call',
  'notice',
  'objection',
  'organization',
  'calendar',
  'roster',
  'journal',
  'revocation',
  'rectification',
  // An evaluation round, or one center's entry in it (its assignment, A29).
  'round',
  'report',
  'achievement',
  'event_feed',
  'agency_nats_user',
  'webhook_subscription',
  'notification',
  'email_settings',
  'allocation',
  'ledger_entry',
  'funding_proposal',
  'funding_source',
  'misuse_finding',
] as const;

export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The facts about one resource that decide who may see and touch it. */
export interface ResourceFacts {
  readonly kind: ResourceKind;
  readonly supportingUnitId?: string;
  readonly constructionUnitId?: string;
  readonly recommenderId?: string;
  readonly coBuilderIds?: readonly string[];
  /** Users assigned to it (the experts drawn for an application, the expert of a review assignment). */
  readonly assignedUserIds?: readonly string[];
  readonly employerOrgId?: string;
  readonly registeredByOrgId?: string;
  /** The organization whose inbox (or email settings) it is (DOMAIN.md §7). */
  readonly recipientOrgId?: string;
  /** For a center's entry in an evaluation round: the agency entrusted with evaluating it (A29). */
  readonly entrustedAgencyId?: string;
  /** For a person: the facts of the platforms they serve (a unit sees the people on its platforms). */
  readonly servedPlatforms?: readonly ResourceFacts[];
  /** Its status, for a role that sees a kind only in some statuses (the committee office, applications). */
  readonly status?: string;
}

export type AccessDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly outcome: 'not_found' | 'forbidden';
      readonly code: string;
      readonly message: LocalizedText;
      readonly article?: string;
    };

/** A field of a resource that can tie it to the caller's organization (or user, for assignments). */
export type ScopeField =
  | 'supportingUnitId'
  | 'constructionUnitId'
  | 'recommenderId'
  | 'coBuilderIds'
  | 'assignedUserIds'
  | 'employerOrgId'
  | 'registeredByOrgId'
  | 'recipientOrgId'
  | 'entrustedAgencyId';

/**
 * Which resources of a kind a caller sees: all, none, those in one of some statuses, or those where one
 * of the fields equals a value.
 */
export type ListScope =
  | { readonly all: true }
  | { readonly none: true }
  | { readonly statusIn: readonly string[] }
  | { readonly anyOf: readonly { readonly field: ScopeField; readonly equals: string }[] };
