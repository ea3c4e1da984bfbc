import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';

import { IdentityReadRepository } from './identity-read.repository';

/** The audit of one unmasked read of a resident ID number (issue 4: only DST, each read recorded). */
@Entity({ tableName: 'identity_read', repository: () => IdentityReadRepository })
export class IdentityRead {
  [EntityRepositoryType]?: IdentityReadRepository;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Property({ type: 'text' })
  personName!: string;

  @Property({ type: 'text' })
  readerUserId!: string;

  @Property({ type: 'text' })
  readerName!: string;

  @Property({ type: 'uuid' })
  readerOrgId!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'timestamptz' })
  readAt!: Date;

  @Property({ type: 'text', nullable: true })
  correlationId!: string | null;
}
