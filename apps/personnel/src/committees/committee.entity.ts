import { Entity, EntityRepositoryType, Property, Unique } from '@mikro-orm/core';

import type { CommitteeKind, Finding } from '@tic/domain';

import { AggregateRoot } from '@tic/platform';

import { CommitteeRepository } from './committee.repository';

export interface StoredMember {
  /** Absent for a member typed before members were named from the registry. */
  readonly personId?: string;
  /** The name and employer as the registry held them when the committee was formed. */
  readonly name: string;
  readonly orgId: string;
  readonly title?: string;
  readonly isChair: boolean;
}

/** A center's management committee (A16) or technical advisory committee (A17). */
@Entity({ tableName: 'committee', repository: () => CommitteeRepository })
@Unique({ properties: ['platformId', 'kind'] })
export class Committee extends AggregateRoot<'updatedAt'> {
  [EntityRepositoryType]?: CommitteeRepository;

  @Property({ type: 'uuid' })
  platformId!: string;

  @Property({ type: 'text' })
  kind!: CommitteeKind;

  @Property({ type: 'date' })
  termStartsOn!: string;

  @Property({ type: 'date' })
  termEndsOn!: string;

  @Property({ type: 'jsonb' })
  members!: StoredMember[];

  @Property({ type: 'jsonb' })
  findings!: Finding[];

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
