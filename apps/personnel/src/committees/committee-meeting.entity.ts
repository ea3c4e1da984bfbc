import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';

import type { CommitteeMeetingForm } from '@tic/contracts';

import { CommitteeMeetingRepository } from './committee-meeting.repository';

/** A meeting of a committee (A16, A17: at least once a year), or a written review by its members (A15). */
@Entity({ tableName: 'committee_meeting', repository: () => CommitteeMeetingRepository })
export class CommitteeMeeting {
  [EntityRepositoryType]?: CommitteeMeetingRepository;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', index: true })
  committeeId!: string;

  @Property({ type: 'date' })
  heldOn!: string;

  /** Only a meeting counts towards the yearly meetings of A16 and A17; either may be A15's review. */
  @Property({ type: 'text', default: 'meeting' })
  form: CommitteeMeetingForm = 'meeting';

  @Property({ type: 'integer' })
  attendees!: number;

  @Property({ type: 'text' })
  minutesRef!: string;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'timestamptz' })
  recordedAt!: Date;
}
