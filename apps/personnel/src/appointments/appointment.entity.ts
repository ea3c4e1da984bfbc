import { Entity, EntityRepositoryType, Index, Property } from '@mikro-orm/core';

import type { AppointmentKind, AppointmentStatus, Finding, RuleId, StaffRole, WorkAgreement } from '@tic/domain';

import { AggregateRoot } from '@tic/platform';

import { AppointmentRepository } from './appointment.repository';

/** The states of appointmentLifecycle (@tic/domain). */
export type { AppointmentStatus };

export interface RecordedWaiver {
  readonly rule: RuleId;
  readonly article: string;
  readonly reason: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** A15: what the director's filing records: an appointment, or an end without a successor (调整). */
export interface DirectorFiling {
  /** Absent on filings recorded before issue 10, which were all appointments. */
  readonly change?: 'appointed' | 'ended_without_successor';
  readonly decidedOn: string;
  readonly committeeReviewedOn: string;
  readonly previousDirectorName: string | null;
  readonly filedOn: string | null;
  readonly documentRef: string | null;
}

/** A person's post on a platform (A14, A15, A18, A19). */
@Entity({ tableName: 'appointment', repository: () => AppointmentRepository })
// The duplicate check reads the posts that bind a person to one platform (fixed, not ended) from this
// index alone: it includes every column the lookup returns or filters on.
@Index({
  name: 'appointment_fixed_posts_idx',
  expression: `create index "appointment_fixed_posts_idx" on "personnel"."appointment" ("person_id") include ("platform_id", "starts_on", "role", "id", "ends_on") where "kind" = 'fixed' and "status" <> 'ended'`,
})
@Index({ properties: ['platformId', 'status'] })
export class Appointment extends AggregateRoot<'endsOn' | 'agreement' | 'waivers' | 'directorFiling'> {
  [EntityRepositoryType]?: AppointmentRepository;

  @Property({ type: 'uuid' })
  personId!: string;

  @Property({ type: 'uuid' })
  platformId!: string;

  @Property({ type: 'text' })
  role!: StaffRole;

  @Property({ type: 'text' })
  kind!: AppointmentKind;

  @Property({ type: 'text' })
  status!: AppointmentStatus;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  agreement: WorkAgreement | null = null;

  @Property({ type: 'jsonb' })
  findings!: Finding[];

  @Property({ type: 'jsonb' })
  waivers: RecordedWaiver[] = [];

  @Property({ type: 'jsonb', nullable: true })
  directorFiling: DirectorFiling | null = null;
}
