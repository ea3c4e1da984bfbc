import type { Role } from '../roles';
import { type Action, can, listScope } from './access-policy';
import type { Principal, ResourceFacts, ResourceKind } from './access-types';

const ORG = { dst: 'org-dst', office: 'org-office', rec: 'org-rec', sup: 'org-sup', con: 'org-con', co: 'org-co' };
const as = (role: Role, orgId: string): Principal => ({ userId: `${role}-user`, role, orgId });
const units = {
  supportingUnitId: ORG.sup,
  constructionUnitId: ORG.con,
  recommenderId: ORG.rec,
  coBuilderIds: [ORG.co],
};
const facts = (kind: ResourceKind): ResourceFacts => ({ kind, ...units });

const dst = as('dst_admin', ORG.dst);
const office = as('committee_office', ORG.office);
const supporting = as('supporting_unit', ORG.sup);
const construction = as('construction_unit', ORG.con);
const recommender = as('recommender', ORG.rec);
const coBuilder = as('co_builder', ORG.co);
const agency = as('agency', 'org-agency');
const otherSupporting = as('supporting_unit', 'org-other');
const expert = as('expert', 'org-expert');

type Outcome = 'allowed' | 'not_found' | 'forbidden';

describe('A32–A36 who acts on a center’s provincial funds', () => {
  it.each<[string, Principal, Action, ResourceKind, Outcome]>([
    ['DST allocates', dst, 'allocation.create', 'allocation', 'allowed'],
    ['a supporting unit does not allocate', supporting, 'allocation.create', 'allocation', 'forbidden'],
    ['an agency does not allocate', agency, 'allocation.create', 'allocation', 'forbidden'],
    ['DST closes the year', dst, 'allocation.close_year', 'allocation', 'allowed'],
    ['its supporting unit does not close the year', supporting, 'allocation.close_year', 'allocation', 'forbidden'],
    [
      'another supporting unit does not see the allocation',
      otherSupporting,
      'allocation.close_year',
      'allocation',
      'not_found',
    ],
    ['DST rates', dst, 'allocation.rate', 'allocation', 'allowed'],
    ['its supporting unit self-evaluates', supporting, 'allocation.self_evaluate', 'allocation', 'allowed'],
    [
      'its construction unit does not self-evaluate',
      construction,
      'allocation.self_evaluate',
      'allocation',
      'forbidden',
    ],
    ['its supporting unit keeps the ledger', supporting, 'ledger_entry.record', 'ledger_entry', 'allowed'],
    ['DST does not keep the ledger', dst, 'ledger_entry.record', 'ledger_entry', 'forbidden'],
    ['its recommender reads the ledger', recommender, 'ledger_entry.read', 'ledger_entry', 'allowed'],
    ['a co-building unit does not see the ledger', coBuilder, 'ledger_entry.read', 'ledger_entry', 'not_found'],
    [
      'an agency reads no allocation (it learns of them by events)',
      agency,
      'allocation.read',
      'allocation',
      'not_found',
    ],
    ['an agency does not see the ledger', agency, 'ledger_entry.read', 'ledger_entry', 'not_found'],
    ['the committee office reads the ledger', office, 'ledger_entry.read', 'ledger_entry', 'allowed'],
    ['an expert sees no allocation', expert, 'allocation.read', 'allocation', 'not_found'],
    ['its supporting unit records sources', supporting, 'funding_source.record', 'funding_source', 'allowed'],
    ['its recommender does not record sources', recommender, 'funding_source.record', 'funding_source', 'forbidden'],
    ['DST decides proposals', dst, 'funding_proposal.decide', 'funding_proposal', 'allowed'],
    ['the office does not decide proposals', office, 'funding_proposal.decide', 'funding_proposal', 'forbidden'],
    ['DST records misuse', dst, 'misuse_finding.record', 'misuse_finding', 'allowed'],
    ['its supporting unit does not record misuse', supporting, 'misuse_finding.record', 'misuse_finding', 'forbidden'],
    ['another unit does not learn of a finding', otherSupporting, 'misuse_finding.read', 'misuse_finding', 'not_found'],
  ])('%s', (_name, caller, action, kind, outcome) => {
    const decision = can(caller, action, facts(kind));
    expect(decision.allowed ? 'allowed' : decision.outcome).toBe(outcome);
  });

  it('§1: an agency lists no allocation (it learns of them from tic.funding.* events); DST lists every one', () => {
    expect(listScope(agency, 'allocation')).toEqual({ none: true });
    expect(listScope(dst, 'allocation')).toEqual({ all: true });
  });

  it('a refusal names its article', () => {
    expect(can(construction, 'ledger_entry.record', facts('ledger_entry'))).toMatchObject({
      allowed: false,
      code: 'ledger_entry.recorded_by_supporting_unit',
      article: '第三十六条',
    });
  });
});
