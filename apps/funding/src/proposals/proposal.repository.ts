import { CenterScopedRepository } from '../shared/center-scoped.repository';
import type { PolicySupportProposal } from './policy-support-proposal.entity';

/** A30, A33: policy-support proposals in the caller's scope, seen as their center is. */
export class ProposalRepository extends CenterScopedRepository<PolicySupportProposal> {
  protected readonly kind = 'funding_proposal';
}
