import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import type { Actor, ApplicationStatus } from '@tic/domain';

/** One step of an application's life: who, in which role, when, from, to, comment and article (A13). */
@Entity({ tableName: 'application_history' })
@Index({ properties: ['applicationId', 'seq'] })
export class ApplicationHistory {
  [OptionalProps]?: 'seq' | 'at';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  @Property({ type: 'uuid' })
  applicationId!: string;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Property({ type: 'text' })
  actorId!: string;

  @Property({ type: 'text' })
  actorName!: string;

  @Property({ type: 'text' })
  role!: Actor;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text' })
  fromStatus!: ApplicationStatus;

  @Property({ type: 'text' })
  toStatus!: ApplicationStatus;

  @Property({ type: 'text', nullable: true })
  comment!: string | null;

  @Property({ type: 'text' })
  article!: string;
}
