import { Entity, EntityRepositoryType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import { OrganizationRepository } from './organization.repository';

import type { OrganizationKind } from '@tic/domain';

/** A unit (单位) known to the platform: supporting, co-building, construction or recommending unit, or DST. */
@Entity({ tableName: 'organization', repository: () => OrganizationRepository })
export class Organization {
  [EntityRepositoryType]?: OrganizationRepository;

  [OptionalProps]?: 'version' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true, unique: true })
  uscc!: string | null;

  @Property({ type: 'text' })
  kind!: OrganizationKind;

  @Property({ type: 'boolean' })
  legalPerson!: boolean;

  @Property({ type: 'text', nullable: true })
  regionCode!: string | null;

  @Property({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @Property({ type: 'uuid', nullable: true, index: true })
  recommenderId!: string | null;

  @Property({ type: 'boolean' })
  isRecommender!: boolean;

  @Property({ type: 'text', nullable: true })
  jurisdiction!: string | null;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
