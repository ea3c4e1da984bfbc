import { Entity, EntityRepositoryType, Property, Unique } from '@mikro-orm/core';

import type { ProposalStatus } from '@tic/domain';
import { AggregateRoot } from '@tic/platform';

import { ProposalRepository } from './proposal.repository';

/** A30, A33: an excellent grade's proposal of policy support, until DST allocates or declines. */
@Entity({ tableName: 'policy_support_proposal', repository: () => ProposalRepository })
export class PolicySupportProposal extends AggregateRoot<'status' | 'allocationId' | 'declineReason' | 'decidedOn'> {
  [EntityRepositoryType]?: ProposalRepository;

  /** One proposal per evaluation: a redelivered event records none again. */
  @Property({ type: 'uuid' })
  @Unique()
  evaluationId!: string;

  @Property({ type: 'uuid' })
  roundId!: string;

  @Property({ type: 'uuid', index: true })
  centerId!: string;

  @Property({ type: 'double' })
  score!: number;

  @Property({ type: 'date' })
  proposedOn!: string;

  @Property({ type: 'text', index: true })
  status: ProposalStatus = 'proposed';

  @Property({ type: 'uuid', nullable: true })
  allocationId: string | null = null;

  @Property({ type: 'text', nullable: true })
  declineReason: string | null = null;

  @Property({ type: 'date', nullable: true })
  decidedOn: string | null = null;
}
