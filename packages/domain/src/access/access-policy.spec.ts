import type { Role } from '../roles';
import { ROLES } from '../roles';
import { APPLICATION_STATUSES } from '../lifecycle/application-lifecycle';
import { type Action, can, listScope, scopeAdmits } from './access-policy';
import type { Principal, ResourceFacts } from './access-types';

const ORG = {
  dst: 'org-dst',
  office: 'org-office',
  rec: 'org-rec',
  sup: 'org-sup',
  con: 'org-con',
  co: 'org-co',
  other: 'org-other',
};

const as = (role: Role, orgId: string, userId = `${role}-user`): Principal => ({ userId, role, orgId });
const dst = as('dst_admin', ORG.dst);
const office = as('committee_office', ORG.office);
const recommender = as('recommender', ORG.rec);
const supporting = as('supporting_unit', ORG.sup);
const construction = as('construction_unit', ORG.con);
const coBuilder = as('co_builder', ORG.co);
const expert = as('expert', ORG.other, 'expert-7');
const strangerUnit = as('supporting_unit', ORG.other);

const units = {
  supportingUnitId: ORG.sup,
  constructionUnitId: ORG.con,
  recommenderId: ORG.rec,
  coBuilderIds: [ORG.co],
};
const application: ResourceFacts = { kind: 'application', ...units, assignedUserIds: ['expert-7'] };
const center: ResourceFacts = { kind: 'center', ...units };
const platform: ResourceFacts = { kind: 'platform', ...units };
const person: ResourceFacts = { kind: 'person', employerOrgId: ORG.con, registeredByOrgId: ORG.con };
const roster: ResourceFacts = { kind: 'roster', ...units };

type Case = [string, Principal, Action, ResourceFacts, 'allowed' | 'not_found' | 'forbidden', string?];

const cases: Case[] = [
  ['§1 DST reads every application', dst, 'application.read', application, 'allowed'],
  [
    '§1 the committee office reads an approved application',
    office,
    'application.read',
    { ...application, status: 'approved' },
    'allowed',
  ],
  [
    '§1 the committee office does not see an application before approval',
    office,
    'application.read',
    { ...application, status: 'formal_review' },
    'not_found',
  ],
  [
    '§1 DST reads an application in any status',
    dst,
    'application.read',
    { ...application, status: 'draft' },
    'allowed',
  ],
  ['§1 a recommender reads those in its jurisdiction', recommender, 'application.read', application, 'allowed'],
  ['§1 a co-building unit reads what it co-builds', coBuilder, 'application.read', application, 'allowed'],
  [
    '§1 another unit does not learn the application exists',
    strangerUnit,
    'application.read',
    application,
    'not_found',
    'application.not_found',
  ],
  ['A13 a drawn expert reads the application', expert, 'application.read', application, 'allowed'],
  [
    'A13 an expert not drawn does not see it',
    as('expert', ORG.other, 'expert-8'),
    'application.read',
    application,
    'not_found',
  ],
  ['A13 the construction unit fills in the application', construction, 'application.create', application, 'allowed'],
  [
    'A13 the supporting unit does not fill it in',
    supporting,
    'application.create',
    application,
    'forbidden',
    'application.filled_by_construction_unit',
  ],
  [
    'A13 a construction unit cannot file for another',
    as('construction_unit', ORG.other),
    'application.create',
    application,
    'forbidden',
  ],
  [
    'A13 only the construction unit edits',
    supporting,
    'application.update',
    application,
    'forbidden',
    'application.edited_by_construction_unit',
  ],
  [
    'A10 the supporting unit confirms the co-builders',
    supporting,
    'application.confirm_co_builders',
    application,
    'allowed',
  ],
  [
    'A10 the construction unit does not confirm its own co-builders',
    construction,
    'application.confirm_co_builders',
    application,
    'forbidden',
    'application.co_builders_confirmed_by_supporting_unit',
  ],
  [
    'A10 another supporting unit does not learn the application exists',
    strangerUnit,
    'application.confirm_co_builders',
    application,
    'not_found',
    'application.not_found',
  ],
  [
    'A10 a proposed co-builder sees nothing before its confirmation',
    coBuilder,
    'application.read',
    { ...application, coBuilderIds: [] },
    'not_found',
    'application.not_found',
  ],
  ['A13 a reviewer who sees it may attempt a step', recommender, 'application.transition', application, 'allowed'],
  ['A13 DST draws the experts', dst, 'review.draw', application, 'allowed'],
  ['A13 nobody else draws experts', recommender, 'review.draw', application, 'forbidden', 'review.drawn_by_dst'],
  ['A13 a drawn expert scores', expert, 'review.score', { kind: 'review', assignedUserIds: ['expert-7'] }, 'allowed'],
  [
    'A13 DST publishes the public notice',
    construction,
    'notice.publish',
    { kind: 'notice' },
    'forbidden',
    'notice.published_by_dst',
  ],
  [
    'A13 only DST decides objections',
    office,
    'objection.decide',
    { kind: 'objection' },
    'forbidden',
    'objection.decided_by_dst',
  ],
  ['§1 the committee office reads objections', office, 'objection.read', { kind: 'objection' }, 'allowed'],
  ['§2 only DST records a waiver', supporting, 'waiver.record', application, 'forbidden', 'waiver.recorded_by_dst'],
  ['§2 DST records a waiver', dst, 'waiver.record', center, 'allowed'],
  ['A15 the supporting unit appoints a center director', supporting, 'appointment.create_director', center, 'allowed'],
  [
    'A15 the construction unit does not appoint a center director',
    construction,
    'appointment.create_director',
    center,
    'forbidden',
    'appointment.director_by_supporting_unit',
  ],
  [
    'A15 another supporting unit cannot either',
    as('supporting_unit', ORG.other),
    'appointment.create_director',
    center,
    'not_found',
  ],
  [
    'A15 a platform that is no center: its construction unit appoints the director',
    construction,
    'appointment.create_director',
    platform,
    'allowed',
  ],
  [
    'A15 the supporting unit files the appointment',
    construction,
    'appointment.file_director',
    center,
    'forbidden',
    'appointment.filed_by_supporting_unit',
  ],
  [
    'A15 only the supporting unit ends a center director',
    construction,
    'appointment.end_director',
    center,
    'forbidden',
    'appointment.director_ended_by_supporting_unit',
  ],
  ['the construction unit appoints staff', construction, 'appointment.create_staff', center, 'allowed'],
  [
    'a recommender does not appoint staff',
    recommender,
    'appointment.create_staff',
    center,
    'forbidden',
    'appointment.staff_by_managing_unit',
  ],
  ['A16/A17 the supporting unit forms the committees', supporting, 'committee.form', center, 'allowed'],
  [
    'A16/A17 a co-building unit does not',
    coBuilder,
    'committee.form',
    center,
    'forbidden',
    'committee.formed_by_supporting_unit',
  ],
  ['DST registers platforms', supporting, 'platform.register', platform, 'forbidden', 'platform.registered_by_dst'],
  ['the employer corrects a person', construction, 'person.update', person, 'allowed'],
  [
    'a unit sees a person serving its center',
    supporting,
    'person.read',
    { ...person, servedPlatforms: [center] },
    'allowed',
  ],
  [
    'but does not correct them',
    supporting,
    'person.update',
    { ...person, servedPlatforms: [center] },
    'forbidden',
    'person.corrected_by_employer',
  ],
  [
    'issue 9: registering a person first is no claim on them; only the employer corrects',
    as('supporting_unit', ORG.other),
    'person.update',
    { ...person, registeredByOrgId: ORG.other },
    'forbidden',
    'person.corrected_by_employer',
  ],
  ['DST corrects anyone', dst, 'person.update', person, 'allowed'],
  ['A18 a unit checks the roster of its own platform', construction, 'roster.check', roster, 'allowed'],
  ['A18 a recommender checks a roster in its jurisdiction', recommender, 'roster.check', roster, 'allowed'],
  [
    'issue 9: a unit does not check the roster of a platform not its own (named, so refused rather than hidden)',
    strangerUnit,
    'roster.check',
    roster,
    'forbidden',
    'roster.own_platforms_only',
  ],
  [
    'issue 9: a co-building unit checks no roster',
    coBuilder,
    'roster.check',
    roster,
    'forbidden',
    'roster.own_platforms_only',
  ],
  ['A18 DST checks any roster', dst, 'roster.check', roster, 'allowed'],
  ['A18 DST checks a roster province-wide', dst, 'roster.check_anywhere', { kind: 'roster' }, 'allowed'],
  [
    'issue 9: a unit names the platform its roster belongs to',
    supporting,
    'roster.check_anywhere',
    { kind: 'roster' },
    'forbidden',
    'roster.platform_required',
  ],
  ['A18 DST sees who a conflict is about', dst, 'roster.read_conflict_details', { kind: 'roster' }, 'allowed'],
  [
    'issue 9: a unit does not see who a conflict elsewhere is about',
    supporting,
    'roster.read_conflict_details',
    roster,
    'forbidden',
  ],
  [
    'a registrant that is not the employer does not move the employer',
    as('construction_unit', ORG.other),
    'person.change_employer',
    { ...person, registeredByOrgId: ORG.other },
    'forbidden',
    'person.employer_changed_by_employer',
  ],
  ['a unit does not see a stranger', supporting, 'person.read', person, 'not_found', 'person.not_found'],
  [
    'only DST reads a full ID number',
    supporting,
    'person.reveal_id_number',
    { ...person, employerOrgId: ORG.sup },
    'forbidden',
    'person.id_number_for_dst',
  ],
  ['anyone signed in reads organizations', expert, 'organization.read', { kind: 'organization' }, 'allowed'],
  ['DST opens calls', construction, 'call.open', { kind: 'call' }, 'forbidden', 'call.opened_by_dst'],
];

describe('the authorization policy', () => {
  // Rest parameters: Jest would take a sixth declared parameter for a done callback on five-element rows.
  it.each(cases)('%s', (...[, caller, action, resource, outcome, code]: Case) => {
    const decision = can(caller, action, resource);
    expect(decision.allowed ? 'allowed' : decision.outcome).toBe(outcome);
    if (code !== undefined && !decision.allowed) expect(decision.code).toBe(code);
    if (!decision.allowed) expect(decision.message.zh.length * decision.message.en.length).toBeGreaterThan(0);
  });

  it('A15: the refusal of a director by the wrong unit names the article', () => {
    expect(can(construction, 'appointment.create_director', center)).toMatchObject({ article: '第十五条' });
  });
});

describe('list scopes come from the same table as single reads', () => {
  it.each([
    ['§1 DST', dst, 'application', { all: true }],
    ['§1 a supporting unit', supporting, 'platform', { anyOf: [{ field: 'supportingUnitId', equals: ORG.sup }] }],
    ['§1 a co-building unit', coBuilder, 'center', { anyOf: [{ field: 'coBuilderIds', equals: ORG.co }] }],
    [
      'A13 an expert: what is drawn for them',
      expert,
      'application',
      { anyOf: [{ field: 'assignedUserIds', equals: 'expert-7' }] },
    ],
    ['§1 an expert sees no centers', expert, 'center', { none: true }],
    ['§1 the committee office: applications once approved', office, 'application', { statusIn: ['approved', 'filed'] }],
    ['§1 the committee office sees every center', office, 'center', { all: true }],
    ['§1 a recommender sees people only through its platforms', recommender, 'person', { none: true }],
  ] as const)('%s', (_name, caller, kind, scope) => {
    expect(listScope(caller, kind)).toEqual(scope);
  });

  it.each(
    ROLES.flatMap((role) => [ORG.sup, ORG.con, ORG.rec, ORG.co, ORG.other].map((orgId) => [role, orgId] as const)),
  )('§1 %s of %s: a single read is allowed exactly when the list scope admits the center', (role, orgId) => {
    const caller = as(role, orgId);
    const scope = listScope(caller, 'center');
    const admitted =
      'all' in scope ||
      ('anyOf' in scope &&
        scope.anyOf.some(({ field, equals }) => {
          const value = center[field];
          return typeof value === 'string' ? value === equals : (value ?? []).includes(equals);
        }));
    expect(can(caller, 'center.read', center).allowed).toBe(admitted);
  });

  it.each(APPLICATION_STATUSES)(
    '§1 the committee office and an application in %s: a single read exactly when the list admits it, and only once approved',
    (status) => {
      const facts = { ...application, status };
      const read = can(office, 'application.read', facts).allowed;
      expect(read).toBe(scopeAdmits(listScope(office, 'application'), facts));
      expect(read).toBe(status === 'approved' || status === 'filed');
    },
  );
});
