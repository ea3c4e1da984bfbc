import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Where the sealer left the chain: one row. The sealer continues from here rather than from the last
 * row it finds, so that rows removed from the end leave a gap verification reports.
 */
@Entity({ tableName: 'history_chain_head' })
export class HistoryChainHead {
  /** Always 1: the service's one chain. */
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: new BigIntType('string') })
  lastSeq!: string;

  @Property({ type: 'text' })
  headHash!: string;

  /** When the sealer last extended the chain (the database's clock): the day a next anchor closes. */
  @Property({ type: 'timestamptz' })
  sealedAt!: Date;
}
