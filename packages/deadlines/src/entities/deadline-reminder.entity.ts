import { Entity, Index, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/** One reminder of a deadline; `sentAt` is set by the one conditional update that sends it. */
@Entity({ tableName: 'deadline_reminder' })
@Index({ properties: ['sentAt', 'remindOn'] })
export class DeadlineReminder {
  [PrimaryKeyProp]?: ['deadlineId', 'daysBefore'];
  [OptionalProps]?: 'sentAt';

  @PrimaryKey({ type: 'uuid' })
  deadlineId!: string;

  @PrimaryKey({ type: 'integer', autoincrement: false })
  daysBefore!: number;

  /** The due date minus `daysBefore` calendar days. */
  @Property({ type: 'date' })
  remindOn!: string;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;
}
