import { Entity, EntityRepositoryType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import { OrganizationRepository } from './organization.repository';

import type { OrganizationKind } from '@tic/domain';

/** A unit (单位) known to the platform: supporting, co-building, construction or recommending unit, or DST. */
@Entity({ tableName: 'organization', repository: () => OrganizationRepository })
export class Organization {
  [EntityRepositoryType]?: OrganizationRepository;

  [OptionalProps]?: 'version' | 'createdAt' | 'domicile' | 'domicileDivisionCode' | 'announcedAt';

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

  /** Where the unit is: its domicile's division code when recorded, else the credit code's issuing office. */
  @Property({ type: 'text', nullable: true })
  regionCode!: string | null;

  /** A12(一): the registered domicile (住所) as the business licence or legal-person certificate states it. */
  @Property({ type: 'text', nullable: true })
  domicile: string | null = null;

  /** A12(一): the division code of that domicile; it decides whether the unit is registered in Liaoning. */
  @Property({ type: 'text', nullable: true })
  domicileDivisionCode: string | null = null;

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

  /**
   * When tic.organization.registered left for the outbox: at registration, or for a unit the seeds
   * upserted (or one registered before the event existed) by the OrganizationAnnouncer. Null until then.
   */
  @Property({ type: 'timestamptz', nullable: true })
  announcedAt: Date | null = null;
}
