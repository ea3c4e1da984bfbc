import { BigIntType, Entity, EntityRepositoryType, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import type { Finding } from '@tic/domain';

import { HistoryReader } from './history-reader';

/** One command applied to an aggregate: who did what, from which status to which, under which findings. */
@Entity({ tableName: 'history_entry', repository: () => HistoryReader })
@Index({ properties: ['aggregateId', 'aggregateVersion'] })
// The rows the sealer has yet to chain (integrity/history-sealer.ts), in the order it takes them. Partial:
// the sealed rows, nearly all of them, are never looked up this way.
@Index({
  name: 'history_entry_unsealed_idx',
  expression: (table, columns, name) =>
    `create index "${name}" on ${table.schema ? `"${table.schema}".` : ''}"${table.name}" ("${columns.at}", "${columns.id}") where "${columns.chainSeq}" is null`,
})
export class HistoryEntry {
  [EntityRepositoryType]?: HistoryReader;
  [OptionalProps]?: 'chainSeq' | 'chainHash';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The aggregate's type, e.g. `appointment`. */
  @Property({ type: 'text' })
  aggregateType!: string;

  @Property({ type: 'uuid' })
  aggregateId!: string;

  /** The row version the command produced. */
  @Property({ type: 'integer' })
  aggregateVersion!: number;

  /** The command, e.g. `appointment.end`. */
  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text', nullable: true })
  fromStatus!: string | null;

  @Property({ type: 'text', nullable: true })
  toStatus!: string | null;

  @Property({ type: 'text', nullable: true })
  actorUserId!: string | null;

  @Property({ type: 'text', nullable: true })
  actorName!: string | null;

  /** The role the actor acted in (A13: who, in which role). */
  @Property({ type: 'text', nullable: true })
  actorRole!: string | null;

  @Property({ type: 'text', nullable: true })
  comment!: string | null;

  /** The article of the measures the step rests on. */
  @Property({ type: 'text', nullable: true })
  article!: string | null;

  @Property({ type: 'jsonb' })
  findings!: Finding[];

  @Property({ type: 'text', nullable: true })
  correlationId!: string | null;

  @Property({ type: 'timestamptz' })
  at!: Date;

  /**
   * The row's place in the service's history chain, given after commit by the sealer (null until
   * then): gap-free from 1, so a missing number is a removed row.
   */
  @Property({ type: new BigIntType('string'), nullable: true, unique: true })
  chainSeq: string | null = null;

  /** SM3 of the previous row's chainHash and this row's fields (integrity/chain-hash.ts), hex. */
  @Property({ type: 'text', nullable: true })
  chainHash: string | null = null;
}
