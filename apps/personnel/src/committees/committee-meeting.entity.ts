import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';

import { CommitteeMeetingRepository } from './committee-meeting.repository';

/** A meeting of a committee (A16, A17: at least once a year). */
@Entity({ tableName: 'committee_meeting', repository: () => CommitteeMeetingRepository })
export class CommitteeMeeting {
  [EntityRepositoryType]?: CommitteeMeetingRepository;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', index: true })
  committeeId!: string;

  @Property({ type: 'date' })
  heldOn!: string;

  @Property({ type: 'integer' })
  attendees!: number;

  @Property({ type: 'text' })
  minutesRef!: string;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'timestamptz' })
  recordedAt!: Date;
}
