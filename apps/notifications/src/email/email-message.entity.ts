import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export const EMAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * One email of a notification to one address, written in the notification's transaction and sent by
 * the sender loop: `pending` until an SMTP server accepts it (`sent`) or the attempts run out (`failed`).
 * `leaseUntil` is the claim of the replica sending it; a crashed sender's lease lapses and another retries.
 */
@Entity({ tableName: 'email_message' })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['notificationId'] })
export class EmailMessage {
  [OptionalProps]?: 'status' | 'attempts' | 'nextAttemptAt' | 'leaseUntil' | 'messageId' | 'sentAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  notificationId!: string;

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'text' })
  address!: string;

  @Property({ type: 'text' })
  language!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  /** Where to act, a path of the API, completed with the platform's address when sent. */
  @Property({ type: 'text', nullable: true })
  link!: string | null;

  @Property({ type: 'text' })
  status: EmailStatus = 'pending';

  @Property({ type: 'int' })
  attempts = 0;

  @Property({ type: 'timestamptz' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null = null;

  /** The Message-ID the accepting server was given. */
  @Property({ type: 'text', nullable: true })
  messageId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
