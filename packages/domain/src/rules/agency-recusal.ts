import { finding, type Finding } from '../findings';
import { recusedOrganizations, type InsiderRoots, type OrganizationLink } from './recusal';

/** A third-party evaluation agency (A29) and the organizations it declared a relation with. */
export interface EvaluationAgency {
  readonly organizationId: string;
  readonly declaredRelations: readonly string[];
}

/**
 * 回避 (A29, DOMAIN.md §7): an agency never evaluates a center of a unit it is related to: neither when it
 * is itself one of the center's insider organizations (as `recusedOrganizations` finds them for experts)
 * nor when it declared a relation with any of them.
 */
export function agencyRecusalFindings(
  agency: EvaluationAgency,
  center: InsiderRoots,
  registry: readonly OrganizationLink[],
): Finding[] {
  const insiders = recusedOrganizations(center, registry);
  const related = [agency.organizationId, ...agency.declaredRelations].filter((id) => insiders.has(id));
  const conflicted = related.length > 0;
  return [
    finding(
      'A29-agency-recusal',
      !conflicted,
      conflicted
        ? {
            zh: `评估机构与该中心的依托、建设或共建单位存在关联关系（${related.join('、')}），须回避`,
            en: `The agency is related to the center’s supporting, construction or co-building units (${related.join(', ')}) and must stand aside`,
          }
        : { zh: '评估机构与该中心无关联关系', en: 'The agency has no relation with the center’s units' },
      conflicted ? { related: related.join(',') } : undefined,
    ),
  ];
}
