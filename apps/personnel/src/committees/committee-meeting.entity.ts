import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A meeting of a committee (A16, A17: at least once a year). */
@Entity({ tableName: 'committee_meeting' })
export class CommitteeMeeting {
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
