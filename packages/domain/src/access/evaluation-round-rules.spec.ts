import { ROLES, type Role } from '../roles';
import { type Action, can, listScope } from './access-policy';
import type { Principal, ResourceFacts } from './access-types';

const ORG = { sup: 'org-sup', con: 'org-con', rec: 'org-rec', co: 'org-co', agency: 'org-agency' };
const as = (role: Role, orgId: string, userId = `${role}-user`): Principal => ({ userId, role, orgId });

const WHOLE_ROUND: ResourceFacts = { kind: 'round' };
const units = {
  supportingUnitId: ORG.sup,
  constructionUnitId: ORG.con,
  recommenderId: ORG.rec,
  coBuilderIds: [ORG.co],
};
const entrusted: ResourceFacts = { kind: 'round', ...units, entrustedAgencyId: ORG.agency };
const notYetEntrusted: ResourceFacts = { kind: 'round', ...units };

const dst = as('dst_admin', 'org-dst');
const agency = as('evaluator', ORG.agency);
const otherAgency = as('evaluator', 'org-other-agency');
const supporting = as('supporting_unit', ORG.sup);

type Outcome = 'allowed' | 'not_found' | 'forbidden';
type Case = [string, Principal, Action, ResourceFacts, Outcome, string?];

describe('A28–A30 who acts on an evaluation round and its assignments', () => {
  // Rest parameters: Jest would take a sixth declared parameter for a done callback on five-element rows.
  it.each<Case>([
    ['A28 DST organizes the round', dst, 'round.organize', WHOLE_ROUND, 'allowed'],
    ['A28 a unit does not, and is told why', supporting, 'round.organize', WHOLE_ROUND, 'forbidden', 'round.dst_only'],
    ['A28 an agency does not either', agency, 'round.organize', WHOLE_ROUND, 'forbidden', 'round.dst_only'],
    ['A29 an agency lists its rounds', agency, 'round.list', WHOLE_ROUND, 'allowed'],
    ['a unit lists none (it reads its center)', supporting, 'round.list', WHOLE_ROUND, 'forbidden', 'round.dst_only'],
    ['A29 an agency declares its relations', agency, 'round.declare_relations', WHOLE_ROUND, 'allowed'],
    [
      'A29 a unit declares no agency’s relations',
      supporting,
      'round.declare_relations',
      WHOLE_ROUND,
      'forbidden',
      'round.agency_only',
    ],
    ['A29 the entrusted agency scores', agency, 'round.score', entrusted, 'allowed'],
    [
      'A29 another agency does not see the center',
      otherAgency,
      'round.score',
      entrusted,
      'not_found',
      'round.not_found',
    ],
    ['A29 no agency sees a center before it is entrusted', agency, 'round.score', notYetEntrusted, 'not_found'],
    [
      'A29 the center’s unit sees it, but scores nothing',
      supporting,
      'round.score',
      entrusted,
      'forbidden',
      'round.agency_only',
    ],
    ['A29 DST scores nothing', dst, 'round.score', entrusted, 'forbidden', 'round.agency_only'],
    ['A30 DST sees the grading before publication', dst, 'round.read_unpublished_grading', entrusted, 'allowed'],
    ['A30 so does the entrusted agency', agency, 'round.read_unpublished_grading', entrusted, 'allowed'],
    ['A30 the center’s unit waits', supporting, 'round.read_unpublished_grading', entrusted, 'forbidden'],
  ])('%s', (...[, caller, action, resource, outcome, code]: Case) => {
    const decision = can(caller, action, resource);
    expect(decision.allowed ? 'allowed' : decision.outcome).toBe(outcome);
    if (code !== undefined && !decision.allowed) expect(decision.code).toBe(code);
  });

  it('A28: a refusal to organize names the article', () => {
    expect(can(supporting, 'round.organize', WHOLE_ROUND)).toMatchObject({ article: '第二十八条' });
  });

  it.each(ROLES)('§1 %s reads a center of a round exactly as before the policy held rounds', (role) => {
    const orgIds = {
      evaluator: ORG.agency,
      supporting_unit: ORG.sup,
      construction_unit: ORG.con,
      recommender: ORG.rec,
      co_builder: ORG.co,
    } as Partial<Record<Role, string>>;
    const caller = as(role, orgIds[role] ?? 'org-elsewhere');
    const readers: readonly Role[] = [
      'dst_admin',
      'evaluator',
      'supporting_unit',
      'construction_unit',
      'recommender',
      'co_builder',
    ];
    expect(can(caller, 'round.read', entrusted).allowed).toBe(readers.includes(role));
    expect(can(as(role, 'org-elsewhere'), 'round.read', entrusted).allowed).toBe(role === 'dst_admin');
  });

  it('A29: an agency lists the centers entrusted to it, DST every one', () => {
    expect(listScope(agency, 'round')).toEqual({ anyOf: [{ field: 'entrustedAgencyId', equals: ORG.agency }] });
    expect(listScope(dst, 'round')).toEqual({ all: true });
    expect(listScope(as('committee_office', 'org-office'), 'round')).toEqual({ none: true });
  });
});

describe('A30 the acceptance experts of a rectification', () => {
  const rectification: ResourceFacts = { kind: 'rectification', ...units, assignedUserIds: ['expert-1'] };

  it.each<[string, Principal, boolean]>([
    ['DST sees who they are', dst, true],
    ['the supporting unit does not', supporting, false],
    [
      'a drawn expert sees only their own entry (not the policy’s whole list)',
      as('expert', 'org-x', 'expert-1'),
      false,
    ],
    ['the committee office does not', as('committee_office', 'org-office'), false],
  ])('%s', (_name, caller, allowed) => {
    expect(can(caller, 'rectification.read_experts', rectification).allowed).toBe(allowed);
  });
});
