import type { LocalizedText } from '../findings';
import type { OrganizationKind } from '../organizations';
import { SUPPORTING_UNIT_KINDS } from '../organizations';
import type { Role } from '../roles';

/** The two provincial authorities of Chapter 2, which only their own users act for. */
export type Authority = 'dst' | 'committee_office';

/** What the platform knows of the organization a token names (registered by DST in applications). */
export interface OrganizationStanding {
  readonly kind: OrganizationKind;
  readonly legalPerson: boolean;
  /** Registered as a recommending unit (A7). */
  readonly isRecommender: boolean;
  readonly authority: Authority | null;
}

export type RoleFit =
  { readonly fits: true } | { readonly fits: false; readonly code: string; readonly message: LocalizedText };

const FITS: RoleFit = { fits: true };

/**
 * DOMAIN.md §1: a role is bound to its organization. `organization` is undefined when the token's
 * organization is not registered; experts and evaluators may come from outside the register.
 */
export function roleFitsOrganization(role: Role, organization: OrganizationStanding | undefined): RoleFit {
  switch (role) {
    case 'dst_admin':
      return organization?.authority === 'dst' ? FITS : misfit(role, '只有省科技厅的用户', 'only users of DST');
    case 'committee_office':
      return organization?.authority === 'committee_office'
        ? FITS
        : misfit(role, '只有省委科技委办公室的用户', 'only users of the committee office');
    case 'recommender':
      return organization?.isRecommender === true
        ? FITS
        : misfit(role, '只有登记为推荐单位的用户', 'only users of a registered recommending unit');
    // A3: the supporting unit is an independent legal person of one of the A3 kinds.
    case 'supporting_unit':
      return organization !== undefined &&
        organization.authority === null &&
        organization.legalPerson &&
        SUPPORTING_UNIT_KINDS.includes(organization.kind)
        ? FITS
        : misfit(
            role,
            '只有登记为独立法人的企业、高校、科研院所或新型研发机构的用户',
            'only users of a registered legal person that is an enterprise, university, research institute or new R&D institution',
          );
    case 'co_builder':
    case 'construction_unit':
      return organization !== undefined && organization.authority === null && !organization.isRecommender
        ? FITS
        : misfit(
            role,
            '只有登记的单位（非主管部门、非推荐单位）的用户',
            'only users of a registered unit that is neither an authority nor a recommending unit',
          );
    case 'expert':
    case 'evaluator':
      return organization?.authority === undefined || organization.authority === null
        ? FITS
        : misfit(role, '不能是省科技厅或省委科技委办公室的用户', 'not users of DST or the committee office');
    // DOMAIN.md §1: another public body integrating with the platform, registered like any organization
    // (a city bureau, a provincial department, the committee office's own systems).
    case 'agency':
      return organization !== undefined
        ? FITS
        : misfit(role, '只有已登记单位的用户', 'only users of a registered organization');
  }
}

function misfit(role: Role, zh: string, en: string): RoleFit {
  return {
    fits: false,
    code: 'auth.role_does_not_fit_organization',
    message: {
      zh: `令牌的角色 ${role} 与其单位不符：该角色${zh}可以使用`,
      en: `The token's role ${role} does not fit its organization: ${en} may hold it`,
    },
  };
}
