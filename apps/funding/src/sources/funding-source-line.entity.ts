import { BigIntType, Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

import type { FundingSource } from '@tic/domain';

/** A32: a center's funding from one source (all but provincial) in one year, as its supporting unit records it. */
@Entity({ tableName: 'funding_source_line' })
@Unique({ properties: ['centerId', 'year', 'source'] })
export class FundingSourceLine {
  [OptionalProps]?: 'note' | 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'text' })
  source!: FundingSource;

  @Property({ type: new BigIntType('number') })
  amountFen!: number;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'timestamptz' })
  recordedAt: Date = new Date();
}
