import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import type { LocalizedText } from '@tic/domain';

/**
 * One message in an organization's inbox (and, when `userId` is set, addressed to one of its users):
 * what happened, what to do next and where. Written in the transaction that recorded its cause.
 */
@Entity({ tableName: 'notification' })
@Index({ properties: ['organizationId', 'createdAt'] })
export class Notification {
  [OptionalProps]?: 'userId' | 'eventId' | 'centerId' | 'link' | 'readAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'text', nullable: true })
  userId: string | null = null;

  /** What it is about, for the organization's email choices: an event type, or a notice of this service. */
  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'uuid', nullable: true })
  eventId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  centerId: string | null = null;

  @Property({ type: 'jsonb' })
  title!: LocalizedText;

  @Property({ type: 'jsonb' })
  body!: LocalizedText;

  /** Where in the platform to act (a path of the API or the web client). */
  @Property({ type: 'text', nullable: true })
  link: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  readAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
