import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The history chain as it stood when a day (Beijing time) ended: its last sequence and head hash.
 * Written once by the sealer after the day is over; handed to an outside party (`history:verify --
 * --anchors`), it lets a later check prove that nothing up to that row has been rewritten since.
 */
@Entity({ tableName: 'history_anchor' })
export class HistoryAnchor {
  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: new BigIntType('string') })
  lastSeq!: string;

  @Property({ type: 'text' })
  headHash!: string;

  @Property({ type: 'timestamptz' })
  anchoredAt!: Date;
}
