import type { Role } from '../roles';
import { type OrganizationStanding, roleFitsOrganization } from './role-fit';

const DST: OrganizationStanding = {
  kind: 'government_department',
  legalPerson: true,
  isRecommender: false,
  authority: 'dst',
};
const OFFICE: OrganizationStanding = {
  kind: 'government_department',
  legalPerson: true,
  isRecommender: false,
  authority: 'committee_office',
};
const CITY_BUREAU: OrganizationStanding = {
  kind: 'government_department',
  legalPerson: true,
  isRecommender: true,
  authority: null,
};
const ENTERPRISE: OrganizationStanding = {
  kind: 'enterprise',
  legalPerson: true,
  isRecommender: false,
  authority: null,
};
const DEPARTMENT: OrganizationStanding = {
  kind: 'enterprise',
  legalPerson: false,
  isRecommender: false,
  authority: null,
};

const cases: Array<[string, Role, OrganizationStanding | undefined, boolean]> = [
  ['dst_admin for DST', 'dst_admin', DST, true],
  ['dst_admin not for an enterprise', 'dst_admin', ENTERPRISE, false],
  ['dst_admin not for an unknown organization', 'dst_admin', undefined, false],
  ['committee_office only for the office', 'committee_office', DST, false],
  ['committee_office for the office', 'committee_office', OFFICE, true],
  ['A7 recommender for a registered recommending unit', 'recommender', CITY_BUREAU, true],
  ['A7 recommender not for an enterprise', 'recommender', ENTERPRISE, false],
  ['A3 supporting_unit for a legal-person enterprise', 'supporting_unit', ENTERPRISE, true],
  ['A3 supporting_unit not for a secondary department', 'supporting_unit', DEPARTMENT, false],
  ['A3 supporting_unit not for a government department', 'supporting_unit', CITY_BUREAU, false],
  ['A10 construction_unit for a secondary department', 'construction_unit', DEPARTMENT, true],
  ['construction_unit not for an unknown organization', 'construction_unit', undefined, false],
  ['co_builder not for DST', 'co_builder', DST, false],
  ['an expert may come from outside the register', 'expert', undefined, true],
  ['an evaluator not for DST', 'evaluator', DST, false],
];

describe('§1: a role must fit its organization', () => {
  it.each(cases)('%s', (_name, role, organization, fits) => {
    const fit = roleFitsOrganization(role, organization);
    expect(fit.fits).toBe(fits);
    if (!fit.fits) {
      expect(fit.code).toBe('auth.role_does_not_fit_organization');
      expect(fit.message.en).toContain(role);
    }
  });
});
