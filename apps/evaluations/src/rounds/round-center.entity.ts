import { Entity, Property, Unique } from '@mikro-orm/core';

import type { AssignmentStatus, Grade, IndicatorScore } from '@tic/domain';
import { AggregateRoot } from '@tic/platform';

/** A29: a meeting review or on-site inspection: when, where, who (name and role), what was found. */
export interface EvaluationSession {
  readonly on: string;
  readonly place: string;
  readonly members: { name: string; role: string }[];
  readonly findings: string;
}

/** Why the center is in the round: due by the cycle (A28), at the end of preparation (A12), or added by DST. */
export type DueBasis = 'cycle' | 'preparation' | 'added';

/** A29: one center of a round, the agency entrusted with it, its scores, report and grade (A30). */
@Entity({ tableName: 'evaluation_round_center' })
@Unique({ properties: ['roundId', 'centerId'] })
export class RoundCenter extends AggregateRoot<
  | 'status'
  | 'agencyOrgId'
  | 'participateBy'
  | 'scores'
  | 'meetingReview'
  | 'onSiteInspection'
  | 'report'
  | 'declineReason'
  | 'total'
  | 'computedGrade'
  | 'grade'
  | 'overrideReason'
  | 'preparationOutcome'
  | 'outcomeReason'
  | 'addedReason'
> {
  @Property({ type: 'uuid', index: true })
  roundId!: string;

  @Property({ type: 'uuid', index: true })
  centerId!: string;

  /** The center's name when the round opened, as the announcement shows it. */
  @Property({ type: 'text' })
  centerName!: string;

  @Property({ type: 'text' })
  basis!: DueBasis;

  @Property({ type: 'text', nullable: true })
  addedReason: string | null = null;

  @Property({ type: 'text', index: true })
  status: AssignmentStatus = 'assigned';

  /** Null until DST entrusts an agency (A29). */
  @Property({ type: 'uuid', nullable: true, index: true })
  agencyOrgId: string | null = null;

  /** The agency's deadline for the center to take part (D-evaluation-participation). */
  @Property({ type: 'date', nullable: true })
  participateBy: string | null = null;

  @Property({ type: 'jsonb' })
  scores: IndicatorScore[] = [];

  @Property({ type: 'jsonb', nullable: true })
  meetingReview: EvaluationSession | null = null;

  @Property({ type: 'jsonb', nullable: true })
  onSiteInspection: EvaluationSession | null = null;

  @Property({ type: 'text', nullable: true })
  report: string | null = null;

  @Property({ type: 'text', nullable: true })
  declineReason: string | null = null;

  @Property({ type: 'double precision', nullable: true })
  total: number | null = null;

  @Property({ type: 'text', nullable: true })
  computedGrade: Grade | null = null;

  @Property({ type: 'text', nullable: true })
  grade: Grade | null = null;

  @Property({ type: 'text', nullable: true })
  overrideReason: string | null = null;

  /** A12: a preparing center's outcome, decided by DST at grading. */
  @Property({ type: 'text', nullable: true })
  preparationOutcome: 'operating' | 'terminated' | null = null;

  @Property({ type: 'text', nullable: true })
  outcomeReason: string | null = null;
}
