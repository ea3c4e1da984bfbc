import { Entity, EntityRepositoryType, Property } from '@mikro-orm/core';

import type { RevocationGround, RevocationStatus } from '@tic/domain';
import { AggregateRoot } from '@tic/platform';

import { RevocationCaseRepository } from './revocation-case.repository';

/**
 * What opened or proposed a case (A31): an evaluation result, a deadline, a misuse finding of the funding
 * service (A36), the center itself, or DST. Stored as text, so a new origin needs no migration.
 */
export type RevocationOrigin =
  'evaluation' | 'rectification' | 'annual_report' | 'evaluation_participation' | 'funding_misuse' | 'give_up' | 'dst';

/** A reference to a piece of evidence. */
export interface Evidence {
  readonly ref: string;
  readonly description: string;
}

/**
 * A31: a revocation case against a center: its grounds and evidence, the units' answer, DST's decision and
 * the filing with the committee office. The center's units are copied at opening, so that the case is
 * seen by whoever sees its center (a change of units under A26 does not move a case already opened).
 */
@Entity({ tableName: 'revocation_case', repository: () => RevocationCaseRepository })
export class RevocationCase extends AggregateRoot<
  | 'statement'
  | 'proposedOn'
  | 'openedOn'
  | 'answerBy'
  | 'answerStatement'
  | 'answerEvidence'
  | 'answeredOn'
  | 'decision'
  | 'decisionReason'
  | 'decidedOn'
  | 'filedOn'
  | 'documentRef'
> {
  [EntityRepositoryType]?: RevocationCaseRepository;

  @Property({ type: 'uuid', index: true })
  centerId!: string;

  @Property({ type: 'jsonb' })
  grounds!: RevocationGround[];

  @Property({ type: 'text', index: true })
  status!: RevocationStatus;

  @Property({ type: 'text' })
  origin!: RevocationOrigin;

  /** What opened it: the event (type and id) or the command. */
  @Property({ type: 'text' })
  cause!: string;

  @Property({ type: 'text', nullable: true })
  statement: string | null = null;

  @Property({ type: 'jsonb' })
  evidence!: Evidence[];

  @Property({ type: 'date', nullable: true })
  proposedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  openedOn: string | null = null;

  /** A31: the last day the center's units may answer, set by DST. */
  @Property({ type: 'date', nullable: true })
  answerBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  answerStatement: string | null = null;

  @Property({ type: 'jsonb' })
  answerEvidence: Evidence[] = [];

  @Property({ type: 'date', nullable: true })
  answeredOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  decision: 'revoke' | 'close' | 'dismiss' | null = null;

  @Property({ type: 'text', nullable: true })
  decisionReason: string | null = null;

  @Property({ type: 'date', nullable: true })
  decidedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  filedOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  documentRef: string | null = null;

  @Property({ type: 'uuid', index: true })
  supportingUnitId!: string;

  @Property({ type: 'uuid' })
  constructionUnitId!: string;

  @Property({ type: 'uuid', index: true })
  recommenderId!: string;

  @Property({ type: 'jsonb' })
  coBuilderIds!: string[];
}
