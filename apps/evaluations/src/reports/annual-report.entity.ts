import { Entity, EntityRepositoryType, Property, Unique } from '@mikro-orm/core';

import type { ReportFundsDto, ReportPersonnelDto } from '@tic/contracts';
import type { AnnualReportStatistics, ReportStatus } from '@tic/domain';
import { AggregateRoot } from '@tic/platform';

import { AnnualReportRepository } from './annual-report.repository';

/**
 * A27: a center's annual report (年度运行报告) on one year, written by the construction unit, reviewed by
 * the supporting unit and the recommender, filed with DST. One per center and year.
 */
@Entity({ tableName: 'annual_report', repository: () => AnnualReportRepository })
@Unique({ properties: ['centerId', 'reportYear'] })
export class AnnualReport extends AggregateRoot<
  | 'status'
  | 'narrative'
  | 'statistics'
  | 'personnel'
  | 'funds'
  | 'submittedOn'
  | 'filedOn'
  | 'returnComment'
  | 'reviseBy'
  | 'deadlineId'
  | 'updatedAt'
> {
  [EntityRepositoryType]?: AnnualReportRepository;

  @Property({ type: 'uuid', index: true })
  centerId!: string;

  /** The year the report covers; it is due in the first quarter of the next. */
  @Property({ type: 'integer' })
  reportYear!: number;

  @Property({ type: 'text', index: true })
  status: ReportStatus = 'draft';

  @Property({ type: 'text' })
  narrative: string = '';

  /** The statistics table (DOMAIN.md §7); null until the construction unit fills it in. */
  @Property({ type: 'jsonb', nullable: true })
  statistics: AnnualReportStatistics | null = null;

  /**
   * A18: the personnel list as the registry checked it, numbers masked and the conflicts it found; the full
   * numbers went to the personnel service and are not kept here (DOMAIN.md §6).
   */
  @Property({ type: 'jsonb', nullable: true })
  personnel: ReportPersonnelDto | null = null;

  /**
   * A27, A35: the funds section as the funding service gave it when the report was submitted, kept so that
   * what was reported stays as it was; null while a draft (its view asks the funding service live) and for
   * reports submitted before the section existed.
   */
  @Property({ type: 'jsonb', nullable: true })
  funds: ReportFundsDto | null = null;

  /** The D-annual-report row of this center and year, when one was scheduled. */
  @Property({ type: 'uuid', nullable: true })
  deadlineId: string | null = null;

  @Property({ type: 'date', nullable: true })
  submittedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  filedOn: string | null = null;

  /** The last return's comments, and the date the reviewer asked the revision by (D-revision). */
  @Property({ type: 'text', nullable: true })
  returnComment: string | null = null;

  @Property({ type: 'date', nullable: true })
  reviseBy: string | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
