import { Entity, EntityRepositoryType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import { ExpertRepository } from './expert.repository';

/** A reviewer in the expert pool, signed in with the `expert` role under `userId`. */
@Entity({ tableName: 'expert', repository: () => ExpertRepository })
export class Expert {
  [EntityRepositoryType]?: ExpertRepository;

  [OptionalProps]?: 'active' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text', unique: true })
  userId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'jsonb' })
  fields!: string[];

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
