import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import type { DeadlineKind, PeriodLength } from '@tic/domain';

/** pending until the owner acts (completed), gives it up (cancelled), or the due date passes (fired). */
export type DeadlineState = 'pending' | 'completed' | 'cancelled' | 'fired';

/**
 * A deadline of the measures (DOMAIN.md §5), kept in its owner's schema. Postgres is the record:
 * the BullMQ jobs that wake the service up are derived from this row and may be lost.
 */
@Entity({ tableName: 'deadline' })
@Index({ properties: ['state', 'dueOn'] })
export class Deadline {
  [OptionalProps]?: 'centerId' | 'state' | 'firedAt' | 'completedAt' | 'cancelledAt' | 'version' | 'eventVersion';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  kind!: DeadlineKind;

  /** The aggregate the deadline is about (application, center, notice, appointment…). */
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'uuid', nullable: true })
  centerId: string | null = null;

  /** The day the period starts; it is not counted (民法典第二百零一条). */
  @Property({ type: 'date' })
  startOn!: string;

  @Property({ type: 'jsonb' })
  length!: PeriodLength;

  /** The last day allowed, computed only by @tic/domain's computeDueDate. */
  @Property({ type: 'date' })
  dueOn!: string;

  /** The due date rests on a year whose holiday schedule is not loaded; recomputed when it is. */
  @Property({ type: 'boolean' })
  provisional!: boolean;

  /** Calendar days before the due date on which reminders go out. */
  @Property({ type: 'jsonb' })
  reminderDaysBefore!: number[];

  @Property({ type: 'text' })
  state: DeadlineState = 'pending';

  @Property({ type: 'timestamptz', nullable: true })
  firedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  completedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null = null;

  /** 1, 2, 3… per change of the row (completing, cancelling and recomputing move it too). */
  @Property({ type: 'integer' })
  version = 1;

  /**
   * The number of the deadline's last event, its `aggregateversion`: reminders and the overdue event
   * count 1, 2, 3… without gaps, whatever else changed the row (see @tic/platform's event-version.ts).
   */
  @Property({ type: 'integer', default: 0 })
  eventVersion = 0;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
