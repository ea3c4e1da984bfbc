import { Entity, EntityRepositoryType, Property } from '@mikro-orm/core';

import { AggregateRoot } from '@tic/platform';

import { NoticeRepository } from './notice.repository';

/** A13(四): a public notice (公示) of the applications DST intends to approve. */
@Entity({ tableName: 'notice', repository: () => NoticeRepository })
export class Notice extends AggregateRoot<'status'> {
  [EntityRepositoryType]?: NoticeRepository;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  startsOn!: string;

  /** The notice's length (DOMAIN.md §7): working days, or calendar days; its first day counts either way. */
  @Property({ type: 'integer', nullable: true })
  workingDays: number | null = null;

  @Property({ type: 'integer', nullable: true })
  calendarDays: number | null = null;

  @Property({ type: 'text', index: true })
  status: 'open' | 'ended' = 'open';

  /** Its D-public-notice deadline, which holds the end date (recomputed when a holiday schedule is loaded). */
  @Property({ type: 'uuid' })
  deadlineId!: string;

  /** Whether an objection filed on `today` is inside the window ending `endsOn` (both ends included). */
  isOpenOn(today: string, endsOn: string): boolean {
    return this.status === 'open' && today >= this.startsOn && today <= endsOn;
  }
}
