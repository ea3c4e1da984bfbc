import { Entity, EntityRepositoryType, PrimaryKey, Property, Unique } from '@mikro-orm/core';

import type { RuleId } from '@tic/domain';

import { CenterWaiverRepository } from './center-waiver.repository';

/** DST's waiver of a principle rule about a center's staffing (A14, A17 size, A18 count). */
@Entity({ tableName: 'center_waiver', repository: () => CenterWaiverRepository })
@Unique({ properties: ['platformId', 'rule'] })
export class CenterWaiver {
  [EntityRepositoryType]?: CenterWaiverRepository;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  platformId!: string;

  @Property({ type: 'text' })
  rule!: RuleId;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'timestamptz' })
  recordedAt!: Date;
}
