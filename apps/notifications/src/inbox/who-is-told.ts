import type { EventData, EventType, NoticeType, TicEvent } from '@tic/contracts';

/** A center's units as the feed's directory holds them when the event applied. */
export interface CenterUnits {
  readonly supportingUnitId: string;
  readonly constructionUnitId: string;
  readonly recommenderId: string;
  readonly coBuilderIds: readonly string[];
}

/** Whom a notice is for: an organization's inbox, or DST's (whose organization the service is configured with). */
export type Recipient = { readonly dst: true } | { readonly organizationId: string };

type Audience<T extends EventType> = (data: EventData<T>, center: CenterUnits | null) => readonly Recipient[];

/**
 * Every event type decides here whether someone is told (a new type does not compile until it is
 * decided), and a type that tells someone must have a notice template beside its event.
 */
export type WhoIsToldTable = { readonly [T in EventType]: T extends NoticeType ? Audience<T> : null };

const DST: Recipient = { dst: true };
const org = (organizationId: string): Recipient => ({ organizationId });

/** A center's supporting and construction units: who acts on its deadlines and reports (A27, DOMAIN.md §7). */
const units = (center: CenterUnits | null): Recipient[] =>
  center === null ? [] : [org(center.supportingUnitId), org(center.constructionUnitId)];

/** The units and their recommender, who oversees a rectification or a revocation with them (A30, A31). */
const overseers = (center: CenterUnits | null): Recipient[] =>
  center === null ? [] : [...units(center), org(center.recommenderId)];

/** Everyone named on an application or a case: supporting, construction, co-building units and the recommender. */
const everyUnit = (u: CenterUnits): Recipient[] => [
  org(u.supportingUnitId),
  org(u.constructionUnitId),
  org(u.recommenderId),
  ...u.coBuilderIds.map(org),
];

/** The units that own an application (A13): its construction unit, which fills it in, and its supporting unit. */
const applicants = (d: { constructionUnitId: string; supportingUnitId: string }): Recipient[] => [
  org(d.constructionUnitId),
  org(d.supportingUnitId),
];

/** DOMAIN.md §7: who is told of what. Reviewers are told when an item reaches them; units of what concerns them. */
export const WHO_IS_TOLD: WhoIsToldTable = {
  // A13: the next reviewer of an application, then its applicants of the outcome.
  'tic.application.submitted': (d) => [org(d.supportingUnitId)],
  'tic.application.supporting_review_passed': (d) => [org(d.recommenderId)],
  'tic.application.recommended': () => [DST],
  'tic.application.formal_review_passed': () => [DST],
  'tic.application.shortlisted': (d) => [DST, ...applicants(d)],
  'tic.application.returned': (d) => [org(d.constructionUnitId)],
  'tic.application.rejected': (d) => applicants(d),
  'tic.application.withdrawn': (d) => applicants(d),
  'tic.application.objection_filed': (d) => [DST, ...applicants(d)],
  'tic.application.objection_decided': (d) => applicants(d),
  'tic.application.approved': (d) => everyUnit(d),
  // A notice lists applications, whose units the notice's own events tell.
  'tic.public_notice.started': null,
  'tic.public_notice.ended': null,
  // Approval already told the units; the filing is the committee office's record.
  'tic.center.established': null,
  'tic.center.filed': null,
  'tic.center.renamed': (_, c) => units(c),
  'tic.center.direction_changed': (_, c) => units(c),
  'tic.center.units_changed': (d) => everyUnit(d),
  'tic.center.status_changed': (_, c) => overseers(c),
  'tic.center.revoked': (_, c) => overseers(c),
  'tic.center.graduated': (_, c) => units(c),
  'tic.center.preparation_overdue': (_, c) => [DST, ...units(c)],
  'tic.organization.registered': null,
  'tic.calendar.year_published': null,
  // A15: the filing reaches the recommender and DST.
  'tic.personnel.director_changed': (_, c) => (c === null ? [DST] : [DST, org(c.recommenderId)]),
  'tic.personnel.duplicate_found': (_, c) => units(c),
  // A27: the submitted report waits on the supporting unit; an overdue one concerns the units and DST (A31(三)).
  'tic.report.submitted': (_, c) => (c === null ? [] : [org(c.supportingUnitId)]),
  'tic.report.overdue': (_, c) => [DST, ...units(c)],
  'tic.evaluation.graded': (_, c) => overseers(c),
  'tic.evaluation.not_participated': (_, c) => [DST, ...units(c)],
  'tic.evaluation.preparation_concluded': (_, c) => overseers(c),
  'tic.evaluation.policy_support_proposed': (_, c) => [DST, ...units(c)],
  'tic.rectification.started': (_, c) => overseers(c),
  'tic.rectification.accepted': (_, c) => overseers(c),
  // A33–A36: the units spend and self-evaluate; DST hears of what lags.
  'tic.funding.allocated': (_, c) => units(c),
  'tic.funding.proposal_declined': (_, c) => units(c),
  'tic.funding.execution_lagging': (_, c) => [DST, ...units(c)],
  'tic.funding.year_closed': (_, c) => units(c),
  'tic.funding.self_evaluated': () => [DST],
  'tic.funding.rated': (_, c) => units(c),
  'tic.funding.misuse_found': (_, c) => overseers(c),
  // DOMAIN.md §5, §7: the units act on a deadline; DST hears of everything overdue.
  'tic.deadline.reminder': (_, c) => units(c),
  'tic.deadline.overdue': (_, c) => [DST, ...units(c)],
  // A31: DST decides a proposal and an answer; the units answer a case and hear how it ends.
  'tic.revocation.proposed': (d) => [DST, ...everyUnit(d)],
  'tic.revocation.opened': (d) => everyUnit(d),
  'tic.revocation.answered': () => [DST],
  'tic.revocation.dismissed': (_, c) => overseers(c),
  'tic.revocation.closed': (_, c) => overseers(c),
  'tic.revocation.filed': null,
};

/** Whom one event tells, each recipient once; `center` is the event's center as it stood then. */
export function recipientsOf(event: TicEvent, center: CenterUnits | null): Recipient[] {
  // The table is keyed by type, so the rule of `event.type` takes `event.data`; TypeScript cannot correlate the two.
  const rule = WHO_IS_TOLD[event.type] as Audience<EventType> | null;
  if (rule === null) return [];
  const seen = new Set<string>();
  return rule(event.data as never, center).filter((recipient) => {
    const key = 'dst' in recipient ? 'dst' : recipient.organizationId;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
