import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

import type { Finding } from '@tic/domain';

/** One command applied to an aggregate: who did what, from which status to which, under which findings. */
@Entity({ tableName: 'history_entry' })
@Index({ properties: ['aggregateId', 'aggregateVersion'] })
export class HistoryEntry {
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

  @Property({ type: 'jsonb' })
  findings!: Finding[];

  @Property({ type: 'text', nullable: true })
  correlationId!: string | null;

  @Property({ type: 'timestamptz' })
  at!: Date;
}
