import type { EntityManager } from '@mikro-orm/core';

/** `"schema"."table"` of an entity, for the few statements written in SQL. */
export function qualifiedTable(em: EntityManager, entity: { readonly name: string }): string {
  const meta = em.getMetadata().get(entity.name);
  const schema = meta.schema ?? em.config.get('schema');
  return schema ? `"${schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
}
