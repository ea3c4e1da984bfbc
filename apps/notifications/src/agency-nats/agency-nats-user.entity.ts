import { Entity, EntityRepositoryType, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

import { AgencyNatsUserRepository } from './agency-nats-user.repository';

/**
 * An agency's NATS user (CONTRACT.md, Events, way 2): one per organization, its password kept only as a
 * bcrypt hash, which is what nats-server checks. A rotation replaces the hash; a revocation keeps the
 * row, and the next render leaves the user out.
 */
@Entity({ tableName: 'agency_nats_user', repository: () => AgencyNatsUserRepository })
export class AgencyNatsUser {
  [EntityRepositoryType]?: AgencyNatsUserRepository;
  [OptionalProps]?: 'revokedAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'text' })
  @Unique()
  userName!: string;

  @Property({ type: 'text' })
  passwordHash!: string;

  /** The DST user who created it or last rotated its password. */
  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;
}
