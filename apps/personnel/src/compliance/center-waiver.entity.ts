import { Entity, EntityRepositoryType, Index, PrimaryKey, Property } from '@mikro-orm/core';

import type { RuleId } from '@tic/domain';

import { CenterWaiverRepository } from './center-waiver.repository';

/**
 * DST's waiver of a principle rule about a center's staffing (A14, A16 co-building units, A17 size,
 * A18 count), given for one year from `grantedOn`; a rule may be waived again once a year has passed,
 * so a center keeps one row per grant.
 */
@Entity({ tableName: 'center_waiver', repository: () => CenterWaiverRepository })
@Index({ properties: ['platformId', 'rule'] })
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

  /** The day of the grant in Asia/Shanghai; the year it lasts is counted from it. */
  @Property({ type: 'date' })
  grantedOn!: string;
}
