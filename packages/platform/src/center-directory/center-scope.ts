import type { EntityManager } from '@mikro-orm/postgresql';

import { isUnitScopeField, type ResourceFacts, type ResourceKind, type ScopeField } from '@tic/domain';

import { DirectoryCenter } from './directory-center.entity';

/**
 * The facts the policy decides anything of a center on (its reports, funds, round entries): the center's
 * units as the directory holds them now.
 */
export function directoryCenterFacts(kind: ResourceKind, center: DirectoryCenter): ResourceFacts {
  return {
    kind,
    supportingUnitId: center.supportingUnitId,
    constructionUnitId: center.constructionUnitId,
    recommenderId: center.recommenderId,
    coBuilderIds: center.coBuilderIds,
  };
}

/** The ids of the directory's centers a unit field ties to an organization; null for a field centers do not carry. */
export async function centerIdsTiedTo(em: EntityManager, field: ScopeField, value: string): Promise<string[] | null> {
  if (!isUnitScopeField(field)) return null;
  const where = field === 'coBuilderIds' ? { coBuilderIds: { $contains: [value] } } : { [field]: value };
  return (await em.find(DirectoryCenter, where, { fields: ['id'] })).map((c) => c.id);
}
