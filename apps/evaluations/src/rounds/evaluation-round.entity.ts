import { Entity, Property } from '@mikro-orm/core';

import type { GradeThresholds, IndicatorSystem, RoundStatus } from '@tic/domain';
import { AggregateRoot } from '@tic/platform';

/** A28–A30: an evaluation round DST opens, grades and announces (公告). */
@Entity({ tableName: 'evaluation_round' })
export class EvaluationRound extends AggregateRoot<
  'status' | 'excellentCapShare' | 'tieBreak' | 'gradedAt' | 'publishedOn'
> {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'integer', index: true })
  year!: number;

  @Property({ type: 'text', index: true })
  status: RoundStatus = 'draft';

  /** The round's closing date: the centers due by it take part, and the agencies' default deadline. */
  @Property({ type: 'date' })
  participateBy!: string;

  @Property({ type: 'jsonb' })
  indicatorSystem!: IndicatorSystem;

  @Property({ type: 'jsonb' })
  thresholds!: GradeThresholds;

  @Property({ type: 'double precision', nullable: true })
  excellentCapShare: number | null = null;

  /** DST's order among centers tied at the cap (A30), first preferred. */
  @Property({ type: 'jsonb' })
  tieBreak: string[] = [];

  /** DST's last grading: each one changes the round, so a grading based on a stale version is refused (409). */
  @Property({ type: 'timestamptz', nullable: true })
  gradedAt: Date | null = null;

  @Property({ type: 'date', nullable: true })
  publishedOn: string | null = null;
}
