import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';

import { OrganizationRepository } from './organization.repository';

/**
 * A unit of the applications service's registry, as tic.organization.registered told it: enough of
 * the hierarchy to know which units belong to a center's supporting side or co-building units.
 */
@Entity({ tableName: 'organization', repository: () => OrganizationRepository })
export class Organization {
  [EntityRepositoryType]?: OrganizationRepository;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The unit it is a department (二级单位) of, or null at the top. */
  @Property({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @Property({ type: 'text' })
  name!: string;
}
