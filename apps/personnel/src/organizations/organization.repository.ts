import { EntityRepository } from '@mikro-orm/postgresql';

import type { CenterOrganizations } from '@tic/domain';

import type { Organization } from './organization.entity';

/** A center's own units, without the hierarchy (a Platform has them). */
export type CenterUnits = Pick<CenterOrganizations, 'supportingUnitId' | 'constructionUnitId' | 'coBuilderIds'>;

// The same bound as insiderTest's walk: a cycle in the registry must not run the query on forever.
const MAX_DEPTH = 32;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Every unit asked about and each unit above it, one row per unit.
const LINEAGE_SQL = `
  with recursive line (id, parent_id, depth) as (
    select o.id, o.parent_id, 1 from personnel.organization o where o.id = any(?::uuid[])
    union
    select up.id, up.parent_id, line.depth + 1
      from personnel.organization up join line on up.id = line.parent_id
     where line.depth < ${MAX_DEPTH}
  )
  select distinct id, parent_id as "parentId" from line`;

/** The registry's units as personnel knows them, and the hierarchy the insider rules walk. */
export class OrganizationRepository extends EntityRepository<Organization> {
  /** Records a unit as registered; the same event delivered again changes nothing. */
  async registered(unit: { id: string; parentId: string | null; name: string }): Promise<void> {
    await this.getEntityManager().upsert(this.getEntityName(), unit);
  }

  /**
   * The center's units with `parentOf` over the hierarchy above them and above the units being judged
   * (a director's employer, staff and committee members' organizations), read with one recursive
   * query. A unit the registry has not announced has no parent: it counts only as itself.
   */
  async centerOrganizations(center: CenterUnits, judgedOrgIds: readonly string[]): Promise<CenterOrganizations> {
    const ids = [
      center.supportingUnitId,
      ...(center.constructionUnitId === null ? [] : [center.constructionUnitId]),
      ...center.coBuilderIds,
      ...judgedOrgIds,
    ].filter((id) => UUID.test(id));
    const rows =
      ids.length === 0
        ? []
        : // Through the manager, so that inside a command it reads in the command's transaction. The ids go
          // as one array literal (checked to be UUIDs): knex would expand a JS array into a list.
          await this.getEntityManager().execute<{ id: string; parentId: string | null }[]>(
            LINEAGE_SQL,
            [`{${[...new Set(ids)].join(',')}}`],
            'all',
          );
    const parents = new Map(rows.map((row) => [row.id, row.parentId]));
    return {
      supportingUnitId: center.supportingUnitId,
      constructionUnitId: center.constructionUnitId,
      coBuilderIds: center.coBuilderIds,
      parentOf: (orgId) => parents.get(orgId),
    };
  }
}
