import { Entity, EntityRepositoryType, Property } from '@mikro-orm/core';

import type { PlatformKind, PlatformStatus } from '@tic/domain';

import { AggregateRoot } from '@tic/platform';

import { PlatformRepository } from './platform.repository';

/** A provincial S&T innovation platform (A18); a TIC keeps the center's id. */
@Entity({ tableName: 'platform', repository: () => PlatformRepository })
export class Platform extends AggregateRoot<
  'code' | 'constructionUnitId' | 'recommenderId' | 'coBuilderIds' | 'status'
> {
  [EntityRepositoryType]?: PlatformRepository;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', index: true })
  kind!: PlatformKind;

  @Property({ type: 'text' })
  status: PlatformStatus = 'active';

  @Property({ type: 'text', nullable: true })
  code: string | null = null;

  @Property({ type: 'uuid', index: true })
  supportingUnitId!: string;

  @Property({ type: 'uuid', nullable: true, index: true })
  constructionUnitId: string | null = null;

  @Property({ type: 'uuid', nullable: true, index: true })
  recommenderId: string | null = null;

  @Property({ type: 'jsonb' })
  coBuilderIds: string[] = [];

  @Property({ type: 'text' })
  source!: 'center_registry' | 'api' | 'import';
}
