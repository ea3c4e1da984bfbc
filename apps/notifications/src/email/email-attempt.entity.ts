import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** One try at sending an email: what the SMTP server answered, or why no server answered. */
@Entity({ tableName: 'email_attempt' })
@Index({ properties: ['emailId', 'attemptedAt'] })
export class EmailAttempt {
  [OptionalProps]?: 'response' | 'error' | 'messageId' | 'attemptedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  emailId!: string;

  @Property({ type: 'int' })
  attempt!: number;

  @Property({ type: 'text' })
  outcome!: 'sent' | 'failed';

  /** The server's last reply line (e.g. `250 OK: queued`, `451 try later`). */
  @Property({ type: 'text', nullable: true })
  response: string | null = null;

  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  @Property({ type: 'text', nullable: true })
  messageId: string | null = null;

  @Property({ type: 'timestamptz' })
  attemptedAt: Date = new Date();
}
