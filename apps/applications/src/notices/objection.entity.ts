import { Entity, EntityRepositoryType, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import { ObjectionRepository } from './objection.repository';

export type ObjectionStatus = 'recorded' | 'under_review' | 'upheld' | 'dismissed' | 'closed';

/** An objection to a listed application; only named ones inside the window hold it (DOMAIN.md §7). */
@Entity({ tableName: 'objection', repository: () => ObjectionRepository })
@Index({ properties: ['applicationId', 'status'] })
export class Objection {
  [EntityRepositoryType]?: ObjectionRepository;

  [OptionalProps]?: 'filedAt' | 'decisionComment' | 'decidedAt' | 'decidedBy' | 'realName';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', index: true })
  noticeId!: string;

  @Property({ type: 'uuid' })
  applicationId!: string;

  @Property({ type: 'text', nullable: true })
  objectorName!: string | null;

  @Property({ type: 'text', nullable: true })
  objectorUnit!: string | null;

  /** Kept for DST only; never in events or lists. */
  @Property({ type: 'text', nullable: true })
  contact!: string | null;

  @Property({ type: 'text' })
  grounds!: string;

  @Property({ type: 'text' })
  status!: ObjectionStatus;

  @Property({ type: 'timestamptz' })
  filedAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  decisionComment: string | null = null;

  @Property({ type: 'text', nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  /** Named (a person or a unit's seal): only such objections are acted on. */
  get realName(): boolean {
    return this.objectorName !== null || this.objectorUnit !== null;
  }
}
