import { Entity, EntityRepositoryType, Index, PrimaryKey, Property } from '@mikro-orm/core';

import type { Finding } from '@tic/domain';

import { HistoryReader } from './history-reader';

/** One command applied to an aggregate: who did what, from which status to which, under which findings. */
@Entity({ tableName: 'history_entry', repository: () => HistoryReader })
@Index({ properties: ['aggregateId', 'aggregateVersion'] })
export class HistoryEntry {
  [EntityRepositoryType]?: HistoryReader;

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
}
